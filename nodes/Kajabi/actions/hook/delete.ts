import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const deleteHook = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a hook',
	description: 'Stop a hook subscription',
	method: 'delete',
	path: '/v1/hooks/{id}',
	pathParameters: { id: pathId(idField('hookId', 'Hook ID', 'The ID of the hook')) },
	output: 'deleted',
});
