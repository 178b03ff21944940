import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many tags',
	description: 'List the contact tags of the account or of one site',
	method: 'get',
	path: '/v1/contact_tags',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[name_cont]',
				displayName: 'Name Contains',
				description: 'Only tags whose name contains this text',
			},
		]),
		sort(['name']),
		sparseFields('contact_tags', 'name'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
