import { defineOperation, pathId } from '../../helpers/defineOperation';
import { contactTagLocator } from '../../helpers/parameters';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a tag',
	description: 'Retrieve a contact tag',
	method: 'get',
	path: '/v1/contact_tags/{id}',
	pathParameters: { id: pathId(contactTagLocator('The tag to retrieve')) },
	output: 'resource',
});
