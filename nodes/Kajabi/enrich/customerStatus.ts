import type { CustomerStatus } from '../../shared/enrichment';

export interface PurchaseState {
	deactivatedAt: string | null;
}

/**
 * Kajabi has no membership status: it is derived here, and documented in docs/enrichment.md.
 * - `customer`: at least one purchase that is not deactivated;
 * - `former_customer`: purchases, all deactivated (cancelled, refunded, ended);
 * - `lead`: no purchase at all, even with a customer record from a free offer grant.
 */
export function customerStatusOf(purchases: PurchaseState[] | null): CustomerStatus {
	if (purchases === null || purchases.length === 0) return 'lead';
	return purchases.some((purchase) => purchase.deactivatedAt === null)
		? 'customer'
		: 'former_customer';
}

/**
 * How many of the user's high-value tags the contact has, matched by name in any case or by
 * id. Each listed tag counts once.
 */
export function engagementScoreOf(
	tags: Array<{ id: string; name: string | null }>,
	highValueTags: string[],
): number {
	const present = new Set<string>();
	for (const tag of tags) {
		present.add(tag.id);
		if (tag.name) present.add(tag.name.trim().toLowerCase());
	}

	const wanted = new Set(highValueTags.map((tag) => tag.trim()).filter(Boolean));
	let score = 0;
	for (const tag of wanted) {
		if (present.has(tag) || present.has(tag.toLowerCase())) score += 1;
	}
	return score;
}
