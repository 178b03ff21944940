import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'List the offers of a contact',
	description: 'List the IDs of the offers granted to a contact',
	method: 'get',
	path: '/v1/contacts/{contact_id}/relationships/offers',
	pathParameters: {
		contact_id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')),
	},
	output: 'identifiers',
});
