import { defineOperation } from '../../helpers/defineOperation';
import { filters, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many blog posts',
	description: 'List blog posts, filtered and sorted',
	method: 'get',
	path: '/v1/blog_posts',
	query: [
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only posts whose title contains this text',
			},
		]),
		sort(['title']),
		sparseFields('blog_posts', 'title'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
