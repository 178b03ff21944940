import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const deleteContact = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description:
		'Delete a contact. Kajabi refuses while the contact has live Kajabi Payments subscriptions.',
	method: 'delete',
	path: '/v1/contacts/{id}',
	pathParameters: { id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')) },
	output: 'deleted',
});
