import { defineOperation } from '../../helpers/defineOperation';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get the API version',
	description: 'Retrieve the version of the Kajabi Public API',
	method: 'get',
	path: '/v1/version',
	output: 'document',
});
