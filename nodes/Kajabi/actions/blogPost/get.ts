import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a blog post',
	description: 'Retrieve a blog post',
	method: 'get',
	path: '/v1/blog_posts/{id}',
	pathParameters: { id: pathId(idField('blogPostId', 'Blog Post ID', 'The ID of the blog post')) },
	query: [sparseFields('blog_posts', 'title')],
	output: 'resource',
});
