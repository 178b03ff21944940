import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many orders',
	description: 'List checkout orders, filtered and sorted',
	method: 'get',
	path: '/v1/orders',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[customer_id]',
				displayName: 'Customer ID',
				description: 'Only orders of this customer',
			},
			{
				key: 'filter[order_number_eq]',
				displayName: 'Order Number',
				description: 'Only the order with this number',
			},
			{
				key: 'filter[fulfilled_at_null]',
				displayName: 'Not Fulfilled',
				description: 'Whether to return only orders not fulfilled yet (off: only fulfilled ones)',
				type: 'boolean',
			},
		]),
		sort(['created_at', 'order_number', 'fulfilled_at']),
		sparseFields('orders', 'order_number,total_price_in_cents'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
