import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'List the offers of a customer',
	description: 'List the IDs of the offers a customer has',
	method: 'get',
	path: '/v1/customers/{customer_id}/relationships/offers',
	pathParameters: {
		customer_id: pathId(idField('customerId', 'Customer ID', 'The ID of the customer')),
	},
	output: 'identifiers',
});
