import { defineOperation, pathId } from '../../helpers/defineOperation';
import { offerLocator } from '../../helpers/parameters';

export const getProducts = defineOperation({
	value: 'getProducts',
	name: 'Get Products',
	action: 'List the products of an offer',
	description:
		'List the IDs of the products an offer gives access to. Offer > Get with Include Related: Products gives their details.',
	method: 'get',
	path: '/v1/offers/{offer_id}/relationships/products',
	pathParameters: { offer_id: pathId(offerLocator('The offer whose products to list')) },
	output: 'identifiers',
});
