import { defineOperation, pathId } from '../../helpers/defineOperation';
import { customFieldLocator } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a custom field',
	description: 'Retrieve a custom field and its handle (custom_1, custom_2, ...)',
	method: 'get',
	path: '/v1/custom_fields/{id}',
	pathParameters: { id: pathId(customFieldLocator('The custom field to retrieve')) },
	query: [sparseFields('custom_fields', 'title,handle')],
	output: 'resource',
});
