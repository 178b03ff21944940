import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a product',
	description: 'Retrieve a product',
	method: 'get',
	path: '/v1/products/{id}',
	pathParameters: { id: pathId(idField('productId', 'Product ID', 'The ID of the product')) },
	query: [sparseFields('products', 'title,publish_status')],
	output: 'resource',
});
