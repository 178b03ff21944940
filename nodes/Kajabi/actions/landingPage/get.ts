import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a landing page',
	description: 'Retrieve a landing page',
	method: 'get',
	path: '/v1/landing_pages/{id}',
	pathParameters: {
		id: pathId(idField('landingPageId', 'Landing Page ID', 'The ID of the landing page')),
	},
	query: [sparseFields('landing_pages', 'title')],
	output: 'resource',
});
