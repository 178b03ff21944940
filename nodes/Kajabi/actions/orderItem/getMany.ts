import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many order items',
	description: 'List order lines, filtered and sorted',
	method: 'get',
	path: '/v1/order_items',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[item_type_eq]',
				displayName: 'Item Type',
				description: 'Only lines of this item type, such as Offer',
			},
			{
				key: 'filter[item_id_eq]',
				displayName: 'Item ID',
				description: 'Only lines for this item',
			},
			{
				key: 'filter[fulfilled_at_null]',
				displayName: 'Not Fulfilled',
				description: 'Whether to return only lines not fulfilled yet (off: only fulfilled ones)',
				type: 'boolean',
			},
		]),
		sort(['created_at', 'quantity', 'fulfilled_at']),
		sparseFields('order_items', 'quantity,title,total_price_in_cents'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
