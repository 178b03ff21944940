import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { filters, include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description: 'Retrieve a customer, optionally with their offers and products',
	method: 'get',
	path: '/v1/customers/{id}',
	pathParameters: { id: pathId(idField('customerId', 'Customer ID', 'The ID of the customer')) },
	query: [
		include([
			{ name: 'Offers', value: 'offers' },
			{ name: 'Products', value: 'products' },
		]),
		filters([
			{
				key: 'filter[offers_search]',
				displayName: 'Included Offers Title Contains',
				description: 'Only included offers whose title or internal title contains this text',
			},
			{
				key: 'filter[products_search]',
				displayName: 'Included Products Title Contains',
				description: 'Only included products whose title contains this text',
			},
		]),
		sparseFields('customers', 'name,email,net_revenue'),
	],
	output: 'resource',
});
