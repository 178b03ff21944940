import type { EnrichmentStatus, LeadEnrichment, PurchasesSummary } from '../../shared/enrichment';
import { toResource, type Resource } from '../../shared/json/jsonApi';
import { readBoolean, readNumber, readText } from '../../shared/json/values';
import {
	includedTagNames,
	readContactDocument,
	tagIdsOf,
	type ContactDocument,
} from './contactDocument';
import { customerStatusOf, engagementScoreOf, isFreePurchase } from './customerStatus';

export interface EnrichmentSources {
	/** `GET /v1/contacts/{id}?include=offers,tags,customer`. */
	contactDocument: unknown;
	/** The customer's purchases (`GET /v1/purchases?filter[customer_id]=`), or null without one. */
	purchases: unknown[] | null;
	/** Tag names by id, for tags the document lists without including them. */
	tagNames: ReadonlyMap<string, string>;
	highValueTags: string[];
	apiCalls: number;
	warnings?: string[];
}

/** Turns Kajabi's answers about one contact into the lead's `enrichment`. */
export function buildEnrichment(sources: EnrichmentSources): LeadEnrichment {
	const document = readContactDocument(sources.contactDocument);
	const contact = document.contact;
	if (contact?.id == null) {
		return emptyEnrichment('not_found', 'Kajabi returned no contact', sources.apiCalls);
	}

	const tags = tagsOf(document, sources.tagNames);
	const purchases = (sources.purchases ?? [])
		.map(toResource)
		.filter((resource): resource is Resource => resource !== null);
	const customer = document.included.first('customers');

	return {
		status: 'enriched',
		reason: null,
		contact: {
			id: contact.id,
			name: readText(contact.attributes.name),
			email: readText(contact.attributes.email)?.toLowerCase() ?? null,
			subscribed: readBoolean(contact.attributes.subscribed),
			externalUserId: readText(contact.attributes.external_user_id),
			createdAt: readText(contact.attributes.created_at),
			updatedAt: readText(contact.attributes.updated_at),
		},
		tags,
		offers: document.included.all('offers').flatMap((offer) =>
			offer.id === null
				? []
				: [
						{
							id: offer.id,
							title:
								readText(offer.attributes.title) ??
								readText(offer.attributes.internal_title) ??
								readText(offer.attributes.name),
						},
					],
		),
		customer:
			customer?.id == null
				? null
				: {
						id: customer.id,
						// Kajabi sends net revenue as a decimal string, e.g. "149.0".
						netRevenue: readNumber(customer.attributes.net_revenue),
						signInCount: readNumber(customer.attributes.sign_in_count),
						lastRequestAt: readText(customer.attributes.last_request_at),
						createdAt: readText(customer.attributes.created_at),
					},
		purchases: sources.purchases === null ? null : summarisePurchases(purchases),
		customerStatus: customerStatusOf(purchases.map(purchaseState)),
		engagementScore: engagementScoreOf(tags, sources.highValueTags),
		apiCalls: sources.apiCalls,
		warnings: sources.warnings ?? [],
	};
}

/** The enrichment of a lead Kajabi could not be asked about, or does not know. */
export function emptyEnrichment(
	status: Exclude<EnrichmentStatus, 'enriched'>,
	reason: string,
	apiCalls: number,
): LeadEnrichment {
	return {
		status,
		reason,
		contact: null,
		tags: [],
		offers: [],
		customer: null,
		purchases: null,
		customerStatus: null,
		engagementScore: null,
		apiCalls,
		warnings: [],
	};
}

function purchaseState(purchase: Resource) {
	return {
		deactivatedAt: readText(purchase.attributes.deactivated_at),
		free: isFreePurchase(
			readNumber(purchase.attributes.amount_in_cents),
			readText(purchase.attributes.payment_type),
		),
	};
}

function summarisePurchases(purchases: Resource[]): PurchasesSummary {
	const states = purchases.map(purchaseState);
	const starts = purchases
		.map(
			(purchase) =>
				readText(purchase.attributes.effective_start_at) ??
				readText(purchase.attributes.created_at),
		)
		.filter((time): time is string => time !== null && !Number.isNaN(Date.parse(time)))
		.sort((a, b) => Date.parse(b) - Date.parse(a));

	return {
		total: purchases.length,
		active: states.filter((state) => state.deactivatedAt === null).length,
		deactivated: states.filter((state) => state.deactivatedAt !== null).length,
		paid: states.filter((state) => !state.free).length,
		lastPurchasedAt: starts[0] ?? null,
	};
}

/** The contact's tags, named from `included[]` or, failing that, from the tag-name cache. */
function tagsOf(
	document: ContactDocument,
	tagNames: ReadonlyMap<string, string>,
): LeadEnrichment['tags'] {
	const named = includedTagNames(document);
	return tagIdsOf(document).map((id) => ({
		id,
		name: named.get(id) ?? tagNames.get(id) ?? null,
	}));
}
