import { defineOperation } from '../../helpers/defineOperation';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get my user profile',
	description: 'Retrieve the Kajabi user the API key belongs to',
	method: 'get',
	path: '/v1/me',
	output: 'resource',
});
