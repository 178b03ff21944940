import { defineOperation } from '../../helpers/defineOperation';
import { purchaseIdParameter } from './shared';

export const deactivate = defineOperation({
	value: 'deactivate',
	name: 'Deactivate',
	action: 'Deactivate a purchase',
	description: 'Remove the access the purchase gave, without cancelling any subscription',
	method: 'post',
	path: '/v1/purchases/{id}/deactivate',
	pathParameters: { id: purchaseIdParameter },
	output: 'resource',
});
