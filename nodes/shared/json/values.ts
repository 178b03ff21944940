/** Small readers for untrusted JSON: Kajabi sends ids as strings or numbers, and any key can be absent. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty trimmed string, or null. Numbers and booleans become their text. */
export function readText(value: unknown): string | null {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed === '' ? null : trimmed;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	return null;
}

/** Ids arrive as `"123"` or `123`; both become `"123"`. */
export const readId = readText;

export function readNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : null;
	}
	return null;
}

export function readBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === '1' || value === 1) return true;
	if (value === 'false' || value === '0' || value === 0) return false;
	return null;
}

/**
 * Reads `path` (dot separated) from an object, so `member.email` finds both a nested
 * `{ member: { email } }` and a flat `{ "member.email": ... }` key.
 */
export function readPath(source: JsonObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(source, path)) return source[path];

	let current: unknown = source;
	for (const part of path.split('.')) {
		if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, part)) {
			return undefined;
		}
		current = current[part];
	}
	return current;
}

/** The first of several candidate paths that holds text. */
export function firstText(source: JsonObject, paths: readonly string[]): string | null {
	for (const path of paths) {
		const value = readText(readPath(source, path));
		if (value !== null) return value;
	}
	return null;
}

export function firstNumber(source: JsonObject, paths: readonly string[]): number | null {
	for (const path of paths) {
		const value = readNumber(readPath(source, path));
		if (value !== null) return value;
	}
	return null;
}
