import type { LeadEventType } from '../../shared/lead';

/**
 * Folds Kajabi's event names into the six kinds the Trigger filters on. API hooks say
 * `form_submission` or `payment_succeeded`; dashboard webhooks say `purchase.created` and their
 * other names are unpublished, so the match is on words, not on exact strings.
 */
export function eventTypeOf(event: string): LeadEventType {
	const words = event.toLowerCase().replace(/[^a-z]+/g, ' ');

	if (/\btag/.test(words)) {
		if (/\bremove/.test(words)) return 'tag_removed';
		if (/\badd/.test(words)) return 'tag_added';
		return 'tag_changed';
	}
	if (/\bform/.test(words)) return 'form_submission';
	if (/\b(order|cart)/.test(words)) return 'order_created';
	if (/\bpayment/.test(words)) return 'payment_succeeded';
	if (/\bpurchase/.test(words)) return 'purchase';
	return 'other';
}

/**
 * A bare payload array carries no event name: the resource types tell it. Orders come with
 * transactions, so orders are looked for first.
 */
export function eventOfResourceTypes(types: ReadonlySet<string>): string | null {
	if (types.has('form_submissions')) return 'form_submission';
	if (types.has('orders') || types.has('order_items')) return 'order_created';
	if (types.has('purchases')) return 'purchase';
	if (types.has('transactions')) return 'payment_succeeded';
	if (types.has('contact_tags') && types.has('contacts')) return 'tag_changed';
	return null;
}
