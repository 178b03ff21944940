import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an order item',
	description: 'Retrieve one line of an order',
	method: 'get',
	path: '/v1/order_items/{id}',
	pathParameters: {
		id: pathId(idField('orderItemId', 'Order Item ID', 'The ID of the order item')),
	},
	query: [
		include([{ name: 'Order', value: 'order' }]),
		sparseFields('order_items', 'quantity,title,total_price_in_cents'),
	],
	output: 'resource',
});
