import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a podcast',
	description: 'Retrieve a podcast',
	method: 'get',
	path: '/v1/podcasts/{id}',
	pathParameters: { id: pathId(idField('podcastId', 'Podcast ID', 'The ID of the podcast')) },
	output: 'resource',
});
