import { defineOperation } from '../../helpers/defineOperation';
import { purchaseIdParameter } from './shared';

export const reactivate = defineOperation({
	value: 'reactivate',
	name: 'Reactivate',
	action: 'Reactivate a purchase',
	description: 'Give the customer access to what the purchase bought again',
	method: 'post',
	path: '/v1/purchases/{id}/reactivate',
	pathParameters: { id: purchaseIdParameter },
	output: 'resource',
});
