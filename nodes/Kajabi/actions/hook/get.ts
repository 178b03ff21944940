import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a hook',
	description: 'Retrieve a hook subscription',
	method: 'get',
	path: '/v1/hooks/{id}',
	pathParameters: { id: pathId(idField('hookId', 'Hook ID', 'The ID of the hook')) },
	output: 'resource',
});
