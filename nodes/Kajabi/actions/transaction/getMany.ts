import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many transactions',
	description: 'List completed charges, refunds and disputes',
	method: 'get',
	path: '/v1/transactions',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[customer_id]',
				displayName: 'Customer ID',
				description: 'Only transactions of this customer',
			},
			{
				key: 'filter[name_or_email]',
				displayName: 'Name or Email',
				description: "Only transactions whose customer's name or email matches this text",
			},
			{
				key: 'filter[start_date]',
				displayName: 'From Date',
				description: 'Only transactions on or after this date',
				type: 'dateTime',
			},
			{
				key: 'filter[end_date]',
				displayName: 'To Date',
				description: 'Only transactions on or before this date',
				type: 'dateTime',
			},
		]),
		sparseFields('transactions', 'amount_in_cents,sales_tax_in_cents'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
