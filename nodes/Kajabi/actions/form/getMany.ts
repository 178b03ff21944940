import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many forms',
	description: 'List forms, filtered and sorted',
	method: 'get',
	path: '/v1/forms',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only forms whose title contains this text',
			},
		]),
		sort(['title']),
		sparseFields('forms', 'title'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
