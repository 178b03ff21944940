import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an order',
	description: 'Retrieve an order, optionally with its items and customer',
	method: 'get',
	path: '/v1/orders/{id}',
	pathParameters: { id: pathId(idField('orderId', 'Order ID', 'The ID of the order')) },
	query: [
		include([
			{ name: 'Customer', value: 'customer' },
			{ name: 'Order Items', value: 'order_items' },
			{ name: 'Site', value: 'site' },
		]),
		sparseFields('orders', 'order_number,total_price_in_cents'),
	],
	output: 'resource',
});
