import {
	relatedId,
	relatedIds,
	ResourceSet,
	toResource,
	type Resource,
} from '../../shared/json/jsonApi';
import { isObject, readText } from '../../shared/json/values';

/**
 * The answer of `GET /v1/contacts/{id}?include=offers,tags,customer`, read once: the contact,
 * the resources it included, and what the next calls need from it.
 */
export interface ContactDocument {
	contact: Resource | null;
	included: ResourceSet;
}

export function readContactDocument(body: unknown): ContactDocument {
	const document = isObject(body) ? body : {};
	const included = Array.isArray(document.included) ? document.included : [];
	return {
		contact: toResource(document.data),
		included: new ResourceSet(
			included.map(toResource).filter((resource): resource is Resource => resource !== null),
		),
	};
}

/** The customer record: the included one, else the id the relationship names. */
export function customerIdOf(document: ContactDocument): string | null {
	return document.included.first('customers')?.id ?? relatedId(document.contact, 'customer');
}

export function siteIdOf(document: ContactDocument): string | null {
	return relatedId(document.contact, 'site');
}

/** Tag names Kajabi included, by tag id. */
export function includedTagNames(document: ContactDocument): Map<string, string | null> {
	return new Map(
		document.included
			.all('contact_tags')
			.filter((tag) => tag.id !== null)
			.map((tag) => [tag.id as string, readText(tag.attributes.name)]),
	);
}

/** The contact's tag ids, from the relationship, or from `included[]` when it lists none. */
export function tagIdsOf(document: ContactDocument): string[] {
	const ids = relatedIds(document.contact, 'tags');
	return ids.length > 0 ? ids : [...includedTagNames(document).keys()];
}

/** Tags of the contact that `included[]` does not name: the tag-name cache must. */
export function unnamedTagIds(document: ContactDocument): string[] {
	const named = includedTagNames(document);
	return tagIdsOf(document).filter((id) => !named.get(id));
}
