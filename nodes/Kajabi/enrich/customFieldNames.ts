import { isObject } from '../../shared/json/values';

/**
 * Kajabi names a contact's custom fields `custom_1` … `custom_150`; the title people see
 * ("Favorite Song") comes from `GET /v1/custom_fields`. Naming adds each value a second time
 * under its title, trimmed, and keeps the `custom_N` key.
 */

const HANDLE = /^custom_(\d+)$/;

/** The `custom_N` keys of a lead's `customFields`, in field order; none when it has none. */
export function customFieldHandles(customFields: unknown): string[] {
	if (!isObject(customFields)) return [];
	return Object.keys(customFields)
		.filter((key) => HANDLE.test(key))
		.sort((a, b) => Number(HANDLE.exec(a)?.[1]) - Number(HANDLE.exec(b)?.[1]));
}

export interface NamedCustomFields {
	fields: Record<string, unknown>;
	/** Titles left out because the key already holds a different value. */
	conflicts: string[];
}

/**
 * The custom fields with a title key added for each `custom_N` whose title is known. A key
 * already there (a name the Trigger gave, or an earlier field with the same title) is never
 * overwritten with a different value.
 */
export function nameCustomFields(
	customFields: Record<string, unknown>,
	titles: ReadonlyMap<string, string>,
): NamedCustomFields {
	const fields = { ...customFields };
	const conflicts: string[] = [];

	for (const handle of customFieldHandles(customFields)) {
		const title = titles.get(handle)?.trim();
		if (!title || title === handle) continue;

		const value = customFields[handle];
		if (Object.prototype.hasOwnProperty.call(fields, title) && fields[title] !== value) {
			conflicts.push(title);
			continue;
		}
		fields[title] = value;
	}
	return { fields, conflicts };
}
