import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/json/values';
import type { ResourceIdentifier } from '../../shared/kajabiApi/types';

/**
 * Turning Kajabi's JSON:API resources into n8n items. Pure: no n8n context needed.
 *
 * A simplified item is `{ id, type, ...attributes }` with each relationship beside the
 * attributes: the related resource (simplified) when the answer included it, else its
 * `{ id, type }`. A raw item is the resource as Kajabi sent it, with the resources it refers to
 * from `included` under `included`.
 */

export type JsonApiResource = ResourceIdentifier & {
	attributes?: IDataObject;
	relationships?: IDataObject;
	links?: IDataObject;
	meta?: IDataObject;
};

export type IncludedIndex = Map<string, JsonApiResource>;

function isIdentifier(value: unknown): value is ResourceIdentifier {
	return isObject(value) && value.id !== undefined && typeof value.type === 'string';
}

const keyOf = (identifier: ResourceIdentifier) => `${identifier.type}:${String(identifier.id)}`;

/** Looks up included resources by type and id (ids repeat across types). */
export function indexIncluded(included: unknown): IncludedIndex {
	const index: IncludedIndex = new Map();
	if (!Array.isArray(included)) return index;
	for (const resource of included) {
		if (isIdentifier(resource)) index.set(keyOf(resource), resource as JsonApiResource);
	}
	return index;
}

/**
 * A relationship's `data`: one identifier, a list, or null. One of Kajabi's examples nests the
 * list under `links.data` instead, so that place is read too.
 */
export function relationshipData(
	relationship: unknown,
): ResourceIdentifier | ResourceIdentifier[] | null | undefined {
	if (!isObject(relationship)) return undefined;
	const data =
		'data' in relationship
			? relationship.data
			: isObject(relationship.links)
				? relationship.links.data
				: undefined;
	if (data === null) return null;
	if (Array.isArray(data)) return data.filter(isIdentifier);
	return isIdentifier(data) ? data : undefined;
}

function flatten(resource: JsonApiResource): IDataObject {
	const attributes = isObject(resource.attributes) ? resource.attributes : {};
	return { id: resource.id, type: resource.type, ...attributes };
}

export function simplifyResource(resource: JsonApiResource, included: IncludedIndex): IDataObject {
	const item = flatten(resource);
	const relationships = isObject(resource.relationships) ? resource.relationships : {};

	for (const [name, relationship] of Object.entries(relationships)) {
		const data = relationshipData(relationship);
		if (data === undefined) continue;

		const resolve = (identifier: ResourceIdentifier): IDataObject => {
			const found = included.get(keyOf(identifier));
			return found ? flatten(found) : { id: identifier.id, type: identifier.type };
		};
		const value = data === null ? null : Array.isArray(data) ? data.map(resolve) : resolve(data);
		item[name in item ? `${name}Relationship` : name] = value;
	}
	return item;
}

/** The resource as sent, plus the included resources its relationships point to. */
export function rawResource(resource: JsonApiResource, included: IncludedIndex): IDataObject {
	const item: IDataObject = { ...resource };
	if (included.size === 0) return item;

	const related: IDataObject[] = [];
	const relationships = isObject(resource.relationships) ? resource.relationships : {};
	for (const relationship of Object.values(relationships)) {
		const data = relationshipData(relationship);
		for (const identifier of Array.isArray(data) ? data : data ? [data] : []) {
			const found = included.get(keyOf(identifier));
			if (found) related.push(found);
		}
	}
	if (related.length > 0) item.included = related;
	return item;
}

export function presentResources(
	resources: unknown[],
	included: unknown,
	simplify: boolean,
): IDataObject[] {
	const index = indexIncluded(included);
	return resources
		.filter((resource): resource is JsonApiResource => isObject(resource))
		.map((resource) =>
			simplify ? simplifyResource(resource, index) : rawResource(resource, index),
		);
}

/** The identifiers in a relationship answer such as `GET /v1/contacts/{id}/relationships/tags`. */
export function identifiersOf(body: unknown): ResourceIdentifier[] {
	if (!isObject(body) || !Array.isArray(body.data)) return [];
	return body.data
		.filter(isIdentifier)
		.map((identifier) => ({ id: String(identifier.id), type: identifier.type }));
}
