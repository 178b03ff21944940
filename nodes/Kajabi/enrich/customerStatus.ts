import type { CustomerStatus } from '../../shared/enrichment';

export interface PurchaseState {
	deactivatedAt: string | null;
	/** Whether the purchase cost nothing; left out, it counts as paid. */
	free?: boolean;
}

/**
 * Kajabi has no membership status: it is derived here, and documented in docs/enrichment.md.
 * Only paid purchases count, since a free offer or a grant gives access without a sale.
 * - `customer`: at least one paid purchase that is not deactivated;
 * - `former_customer`: paid purchases, all deactivated (cancelled, refunded, ended);
 * - `lead`: no paid purchase, even with a customer record from a free offer or a grant.
 */
export function customerStatusOf(purchases: PurchaseState[] | null): CustomerStatus {
	const paid = (purchases ?? []).filter((purchase) => purchase.free !== true);
	if (paid.length === 0) return 'lead';
	return paid.some((purchase) => purchase.deactivatedAt === null) ? 'customer' : 'former_customer';
}

/**
 * A purchase is free when its amount is 0 (a free offer, a grant, a 100% coupon), or, without
 * an amount, when its payment type says `free`.
 */
export function isFreePurchase(amountInCents: number | null, paymentType: string | null): boolean {
	if (amountInCents !== null) return amountInCents <= 0;
	return paymentType === 'free';
}

/**
 * How many of the contact's tags are among the user's high-value tags, each named by its name
 * (in any case) or its id. A tag counts once, however often or however it is listed.
 */
export function engagementScoreOf(
	tags: Array<{ id: string; name: string | null }>,
	highValueTags: string[],
): number {
	const wanted = new Set(
		highValueTags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ''),
	);
	const matched = new Set<string>();
	for (const tag of tags) {
		const name = tag.name?.trim().toLowerCase();
		if (wanted.has(tag.id.toLowerCase()) || (name && wanted.has(name))) matched.add(tag.id);
	}
	return matched.size;
}
