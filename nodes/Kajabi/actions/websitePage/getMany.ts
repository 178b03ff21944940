import { defineOperation } from '../../helpers/defineOperation';
import { sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many website pages',
	description: 'List website pages',
	method: 'get',
	path: '/v1/website_pages',
	query: [sort(['created_at']), sparseFields('website_pages', 'title')],
	paging: { pageSize: true },
	output: 'resources',
});
