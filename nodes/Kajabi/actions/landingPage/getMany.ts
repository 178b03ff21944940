import { defineOperation } from '../../helpers/defineOperation';
import { filters, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many landing pages',
	description: 'List landing pages, filtered and sorted',
	method: 'get',
	path: '/v1/landing_pages',
	query: [
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only pages whose title contains this text',
			},
			{
				key: 'filter[published]',
				displayName: 'Published',
				description: 'Whether to return only published pages (off: only unpublished ones)',
				type: 'boolean',
			},
		]),
		sort(['title']),
		sparseFields('landing_pages', 'title'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
