import { defineOperation } from '../../helpers/defineOperation';
import { personFieldsCollection, readPersonFields } from '../../helpers/contactFields';
import { siteLocator } from '../../helpers/parameters';
import { readId, readText } from '../../helpers/readParameters';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact in a site',
	method: 'post',
	path: '/v1/contacts',
	properties: [
		siteLocator(true, 'The site the contact belongs to'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address of the contact',
		},
		personFieldsCollection('contactCreate', 'additionalFields'),
	],
	body(itemIndex) {
		const site = readId.call(this, 'siteId', itemIndex, 'Site');
		const email = readText.call(this, 'email', itemIndex);
		const attributes = readPersonFields.call(this, 'contactCreate', 'additionalFields', itemIndex);
		return {
			data: {
				type: 'contacts',
				attributes: { ...attributes, email },
				relationships: { site: { data: { type: 'sites', id: site } } },
			},
		};
	},
	output: 'resource',
});
