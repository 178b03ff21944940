import { defineOperation, pathId } from '../../helpers/defineOperation';
import { offerLocator } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an offer',
	description: 'Retrieve an offer, optionally with its products',
	method: 'get',
	path: '/v1/offers/{id}',
	pathParameters: { id: pathId(offerLocator('The offer to retrieve')) },
	query: [
		include([{ name: 'Products', value: 'products' }]),
		sparseFields('offers', 'title,price_in_cents'),
	],
	output: 'resource',
});
