import { defineOperation } from '../../helpers/defineOperation';
import { readId } from '../../helpers/readParameters';
import { noteBodyField, noteIdParameter } from './shared';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact note',
	description: 'Replace the text of a contact note',
	method: 'patch',
	path: '/v1/contact_notes/{id}',
	pathParameters: { id: noteIdParameter },
	properties: [{ ...noteBodyField, description: 'The new text of the note' }],
	body(itemIndex) {
		return {
			data: {
				id: readId.call(this, 'noteId', itemIndex, 'Note ID'),
				type: 'contact_notes' as const,
				attributes: { body: this.getNodeParameter('body', itemIndex) as string },
			},
		};
	},
	output: 'resource',
});
