import { defineOperation } from '../../helpers/defineOperation';
import { sparseFields } from '../../helpers/queryParts';
import { purchaseIdParameter } from './shared';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a purchase',
	description: 'Retrieve a purchase',
	method: 'get',
	path: '/v1/purchases/{id}',
	pathParameters: { id: purchaseIdParameter },
	query: [sparseFields('purchases', 'amount_in_cents,currency')],
	output: 'resource',
});
