import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many purchases',
	description: 'List purchases, filtered and sorted',
	method: 'get',
	path: '/v1/purchases',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[customer_id]',
				displayName: 'Customer ID',
				description: 'Only purchases of this customer',
			},
			{
				key: 'filter[active]',
				displayName: 'Active',
				description: 'Whether to return only purchases that are not deactivated',
				type: 'boolean',
			},
			{
				key: 'filter[deactivated]',
				displayName: 'Deactivated',
				description: 'Whether to return only deactivated purchases',
				type: 'boolean',
			},
			{
				key: 'filter[coupon_code_eq]',
				displayName: 'Coupon Code',
				description: 'Only purchases made with this coupon code',
			},
			{
				key: 'filter[referrer]',
				displayName: 'Referrer',
				description: 'Only purchases with this referrer',
			},
		]),
		sort(['created_at']),
		sparseFields('purchases', 'amount_in_cents,currency'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
