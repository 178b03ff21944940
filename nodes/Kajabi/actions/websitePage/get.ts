import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a website page',
	description: 'Retrieve a website page',
	method: 'get',
	path: '/v1/website_pages/{id}',
	pathParameters: {
		id: pathId(idField('websitePageId', 'Website Page ID', 'The ID of the website page')),
	},
	query: [sparseFields('website_pages', 'title')],
	output: 'resource',
});
