import { isObject, readId, type JsonObject } from './values';

/** One JSON:API resource from a hook's `payload` array, read defensively. */
export interface Resource {
	id: string | null;
	type: string;
	attributes: JsonObject;
	relationships: JsonObject;
	links: JsonObject;
}

export function toResource(value: unknown): Resource | null {
	if (!isObject(value) || typeof value.type !== 'string' || value.type === '') return null;
	return {
		id: readId(value.id),
		type: value.type,
		attributes: isObject(value.attributes) ? value.attributes : {},
		relationships: isObject(value.relationships) ? value.relationships : {},
		links: isObject(value.links) ? value.links : {},
	};
}

/** Resources grouped by type; Kajabi's order within the array is not relied on. */
export class ResourceSet {
	private readonly byType = new Map<string, Resource[]>();

	constructor(resources: Resource[]) {
		for (const resource of resources) {
			const list = this.byType.get(resource.type) ?? [];
			list.push(resource);
			this.byType.set(resource.type, list);
		}
	}

	get types(): ReadonlySet<string> {
		return new Set(this.byType.keys());
	}

	first(type: string): Resource | null {
		return this.byType.get(type)?.[0] ?? null;
	}

	all(type: string): Resource[] {
		return this.byType.get(type) ?? [];
	}

	/** The resource a relationship points at, when the payload carries it. */
	related(from: Resource | null, relationship: string, type: string): Resource | null {
		const id = relatedId(from, relationship);
		const candidates = this.all(type);
		if (id === null) return candidates.length === 1 ? candidates[0] : null;
		return candidates.find((resource) => resource.id === id) ?? null;
	}
}

/** The id in `relationships.<name>.data.id`, or null (also for `data: null`). */
export function relatedId(resource: Resource | null, relationship: string): string | null {
	if (resource === null) return null;
	const link = resource.relationships[relationship];
	if (!isObject(link) || !isObject(link.data)) return null;
	return readId(link.data.id);
}

/** The ids in a to-many relationship such as `contact_tags.data[]`. */
export function relatedIds(resource: Resource | null, relationship: string): string[] {
	if (resource === null) return [];
	const link = resource.relationships[relationship];
	if (!isObject(link) || !Array.isArray(link.data)) return [];
	return link.data
		.map((entry) => (isObject(entry) ? readId(entry.id) : null))
		.filter((id): id is string => id !== null);
}
