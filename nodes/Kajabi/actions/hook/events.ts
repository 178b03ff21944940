import type { INodePropertyOptions } from 'n8n-workflow';

import type { HookEvent, KajabiPath } from '../../../shared/kajabiApi/types';

export const HOOK_EVENTS: Array<INodePropertyOptions & { value: HookEvent }> = [
	{
		name: 'Form Submission',
		value: 'form_submission',
		description: 'Someone submits a form (needs view:form_submissions)',
	},
	{
		name: 'Order Created',
		value: 'order_created',
		description: 'A checkout order is placed (needs view:transactions and view:orders)',
	},
	{
		name: 'Payment Succeeded',
		value: 'payment_succeeded',
		description: 'A payment goes through (needs view:transactions)',
	},
	{
		name: 'Purchase',
		value: 'purchase',
		description: 'A customer buys an offer (needs view:purchases)',
	},
	{
		name: 'Tag Added',
		value: 'tag_added',
		description: 'A tag is added to a contact (needs view:contacts)',
	},
	{
		name: 'Tag Removed',
		value: 'tag_removed',
		description: 'A tag is removed from a contact (needs view:contacts)',
	},
];

/** The sample endpoint of each event, checked against the spec's paths. */
export const SAMPLE_PATHS: Record<HookEvent, KajabiPath> = {
	form_submission: '/v1/hooks/form_submission_sample',
	order_created: '/v1/hooks/order_created_sample',
	payment_succeeded: '/v1/hooks/payment_succeeded_sample',
	purchase: '/v1/hooks/purchase_sample',
	tag_added: '/v1/hooks/tag_added_sample',
	tag_removed: '/v1/hooks/tag_removed_sample',
};
