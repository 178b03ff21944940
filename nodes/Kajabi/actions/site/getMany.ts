import { defineOperation } from '../../helpers/defineOperation';
import { filters, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many sites',
	description: 'List the sites the API key can see',
	method: 'get',
	path: '/v1/sites',
	query: [
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only sites whose title contains this text',
			},
			{
				key: 'filter[subdomain_cont]',
				displayName: 'Subdomain Contains',
				description: 'Only sites whose subdomain contains this text',
			},
		]),
		sort(['title', 'subdomain']),
		sparseFields('sites', 'title,subdomain'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
