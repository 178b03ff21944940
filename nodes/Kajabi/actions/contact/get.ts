import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Retrieve a contact, optionally with its tags, offers and customer record',
	method: 'get',
	path: '/v1/contacts/{id}',
	pathParameters: { id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')) },
	query: [
		include([
			{ name: 'Customer', value: 'customer' },
			{ name: 'Offers', value: 'offers' },
			{ name: 'Tags', value: 'tags' },
		]),
		sparseFields('contacts', 'name,email'),
	],
	output: 'resource',
});
