import { defineOperation } from '../../helpers/defineOperation';
import { purchaseIdParameter } from './shared';

export const cancelSubscription = defineOperation({
	value: 'cancelSubscription',
	name: 'Cancel Subscription',
	action: 'Cancel the subscription of a purchase',
	description:
		'Cancel the subscription behind a purchase at once, with the payment provider, and deactivate the purchase',
	method: 'post',
	path: '/v1/purchases/{id}/cancel_subscription',
	pathParameters: { id: purchaseIdParameter },
	output: 'resource',
});
