import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many payouts',
	description: "List a site's Kajabi Payments payouts to its bank account",
	method: 'get',
	path: '/v1/kajabi_payments_payouts',
	query: [
		siteFilter(true, 'The site whose payouts to list'),
		filters([
			{
				key: 'filter[status]',
				displayName: 'Status',
				description: 'Only payouts with this status',
				type: 'options',
				options: [
					{ name: 'Canceled', value: 'canceled' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'In Transit', value: 'in_transit' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Pending', value: 'pending' },
				],
			},
			{
				key: 'filter[start_date]',
				displayName: 'From Date',
				description: 'Only payouts on or after this date',
				type: 'dateTime',
			},
			{
				key: 'filter[end_date]',
				displayName: 'To Date',
				description: 'Only payouts on or before this date',
				type: 'dateTime',
			},
		]),
	],
	// This list takes no page size: Kajabi picks it, and the node follows `links.next`.
	paging: { pageSize: false },
	output: 'resources',
});
