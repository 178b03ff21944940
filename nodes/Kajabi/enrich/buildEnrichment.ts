import type { LeadEnrichment } from '../../shared/enrichment';
import { relatedIds, ResourceSet, toResource, type Resource } from '../../shared/json/jsonApi';
import { isObject, readBoolean, readNumber, readText } from '../../shared/json/values';
import { customerStatusOf, engagementScoreOf } from './customerStatus';

export interface EnrichmentSources {
	/** `GET /v1/contacts/{id}?include=offers,tags,customer`. */
	contactDocument: unknown;
	/** The customer's purchases (`GET /v1/purchases?filter[customer_id]=`), or null without one. */
	purchases: unknown[] | null;
	/** Tag names by id, for tags the document lists without including them. */
	tagNames: ReadonlyMap<string, string>;
	highValueTags: string[];
	apiCalls: number;
}

/** Turns Kajabi's answers about one contact into the lead's `enrichment`. */
export function buildEnrichment(sources: EnrichmentSources): LeadEnrichment {
	const document = isObject(sources.contactDocument) ? sources.contactDocument : {};
	const contact = toResource(document.data);
	const included = new ResourceSet(
		(Array.isArray(document.included) ? document.included : [])
			.map(toResource)
			.filter((resource): resource is Resource => resource !== null),
	);

	const tags = tagsOf(contact, included, sources.tagNames);
	const purchases = (sources.purchases ?? [])
		.map(toResource)
		.filter((resource): resource is Resource => resource !== null);
	const customer = included.first('customers');

	return {
		status: contact === null ? 'not_found' : 'enriched',
		reason: contact === null ? 'Kajabi returned no contact' : null,
		contact:
			contact?.id == null
				? null
				: {
						id: contact.id,
						name: readText(contact.attributes.name),
						email: readText(contact.attributes.email)?.toLowerCase() ?? null,
						subscribed: readBoolean(contact.attributes.subscribed),
						externalUserId: readText(contact.attributes.external_user_id),
						createdAt: readText(contact.attributes.created_at),
						updatedAt: readText(contact.attributes.updated_at),
					},
		tags,
		offers: included.all('offers').flatMap((offer) =>
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
		purchases:
			sources.purchases === null
				? null
				: {
						total: purchases.length,
						active: purchases.filter((p) => readText(p.attributes.deactivated_at) === null).length,
						deactivated: purchases.filter((p) => readText(p.attributes.deactivated_at) !== null)
							.length,
					},
		customerStatus:
			contact === null
				? null
				: customerStatusOf(
						purchases.map((purchase) => ({
							deactivatedAt: readText(purchase.attributes.deactivated_at),
						})),
					),
		engagementScore: contact === null ? null : engagementScoreOf(tags, sources.highValueTags),
		apiCalls: sources.apiCalls,
	};
}

/** The contact's tags, named from `included[]` or, failing that, from the tag-name cache. */
function tagsOf(
	contact: Resource | null,
	included: ResourceSet,
	tagNames: ReadonlyMap<string, string>,
): LeadEnrichment['tags'] {
	const named = new Map(
		included
			.all('contact_tags')
			.filter((tag) => tag.id !== null)
			.map((tag) => [tag.id as string, readText(tag.attributes.name)]),
	);
	const ids = relatedIds(contact, 'tags');
	const all = ids.length > 0 ? ids : [...named.keys()];

	return all.map((id) => ({ id, name: named.get(id) ?? tagNames.get(id) ?? null }));
}
