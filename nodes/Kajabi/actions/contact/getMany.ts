import { defineOperation } from '../../helpers/defineOperation';
import { personFilters } from '../../helpers/personFilters';
import { siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List contacts, filtered and sorted',
	method: 'get',
	path: '/v1/contacts',
	query: [
		siteFilter(
			false,
			'Only contacts of this site. Kajabi needs it when the account has several sites.',
		),
		personFilters,
		sort(['name', 'email', 'created_at']),
		sparseFields('contacts', 'name,email'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
