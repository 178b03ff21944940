/**
 * What the Kajabi node's Enrich Lead operation adds to a lead, under `enrichment`. The Campaign
 * Router reads it (customer status, tags, engagement) when it is there, and routes on what the
 * delivery carried when it is not. `docs/enrichment.md` describes every field.
 */

export const CUSTOMER_STATUSES = ['lead', 'customer', 'former_customer'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const ENRICHMENT_STATUSES = ['enriched', 'not_found', 'skipped'] as const;
export type EnrichmentStatus = (typeof ENRICHMENT_STATUSES)[number];

export interface PurchasesSummary {
	total: number;
	/** Not deactivated (not cancelled, refunded or ended). */
	active: number;
	deactivated: number;
	/** Purchases that cost something; free offers, grants and $0 checkouts are not counted. */
	paid: number;
	/** The newest purchase's start (or creation) time. */
	lastPurchasedAt: string | null;
}

export interface LeadEnrichment {
	/** `skipped` when the API could not be asked (no access, errors after retries); see `reason`. */
	status: EnrichmentStatus;
	reason: string | null;
	contact: {
		id: string;
		name: string | null;
		email: string | null;
		subscribed: boolean | null;
		externalUserId: string | null;
		createdAt: string | null;
		updatedAt: string | null;
	} | null;
	tags: Array<{ id: string; name: string | null }>;
	offers: Array<{ id: string; title: string | null }>;
	customer: {
		id: string;
		netRevenue: number | null;
		signInCount: number | null;
		lastRequestAt: string | null;
		createdAt: string | null;
	} | null;
	purchases: PurchasesSummary | null;
	customerStatus: CustomerStatus | null;
	engagementScore: number | null;
	/** HTTP calls to Kajabi this lead took, cache hits excluded. */
	apiCalls: number;
	/** What could not be added although the lead was enriched (tag or custom field names). */
	warnings: string[];
}
