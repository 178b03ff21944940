import { defineOperation } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { readId } from '../../helpers/readParameters';
import { noteBodyField } from './shared';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a note on a contact',
	description: 'Add a note to a contact',
	method: 'post',
	path: '/v1/contact_notes',
	properties: [
		idField('contactId', 'Contact ID', 'The ID of the contact the note is about'),
		noteBodyField,
	],
	body(itemIndex) {
		const contact = readId.call(this, 'contactId', itemIndex, 'Contact ID');
		return {
			data: {
				type: 'contact_notes' as const,
				attributes: { body: this.getNodeParameter('body', itemIndex) as string },
				relationships: { contact: { data: { type: 'contacts', id: contact } } },
			},
		};
	},
	output: 'resource',
});
