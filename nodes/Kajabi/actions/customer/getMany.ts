import { defineOperation } from '../../helpers/defineOperation';
import { personFilters } from '../../helpers/personFilters';
import { siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many customers',
	description: 'List customers, filtered and sorted',
	method: 'get',
	path: '/v1/customers',
	query: [
		siteFilter(
			false,
			'Only customers of this site. Kajabi needs it when the account has several sites.',
		),
		personFilters,
		sort(['name', 'email', 'created_at', 'net_revenue', 'last_request_at']),
		sparseFields('customers', 'name,email,net_revenue'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
