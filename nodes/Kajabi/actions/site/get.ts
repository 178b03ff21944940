import { defineOperation, pathId } from '../../helpers/defineOperation';
import { siteLocator } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a site',
	description: 'Retrieve a Kajabi site',
	method: 'get',
	path: '/v1/sites/{id}',
	pathParameters: { id: pathId(siteLocator(true, 'The site to retrieve'), 'Site') },
	query: [sparseFields('sites', 'title,subdomain')],
	output: 'resource',
});
