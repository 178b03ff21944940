import { isObject } from '../../shared/json/values';

/**
 * Names Kajabi keeps apart from a contact: tag names (`GET /v1/contact_tags`) and custom field
 * titles (`GET /v1/custom_fields`), by site. A list read once serves every lead of the
 * execution. With a store (the node's workflow static data) and a lifetime, it also serves the
 * executions that follow, until it is older than the lifetime.
 */

export type NameKind = 'contact_tags' | 'custom_fields';

/** Where a list of names came from. */
export type NameOrigin = 'execution' | 'stored';

export interface KnownNames {
	names: ReadonlyMap<string, string>;
	origin: NameOrigin;
}

export interface NameCacheOptions {
	/** The node's workflow static data, or undefined where n8n offers none. */
	store: Record<string, unknown> | undefined;
	/** How long a stored list stays good; 0 keeps lists for the execution only. */
	lifetimeMs: number;
	now: () => number;
	/** Longer lists are kept for the execution only, so static data stays small. */
	maxStoredNames?: number;
}

interface StoredList {
	savedAt: number;
	names: Record<string, string>;
}

/** The key under the node's static data. */
export const STORE_KEY = 'kajabiNames';

export const MAX_STORED_NAMES = 2_000;

const listKey = (scope: string, kind: NameKind) => `${scope}|${kind}`;

function readStoredList(value: unknown): StoredList | undefined {
	if (!isObject(value) || typeof value.savedAt !== 'number' || !isObject(value.names)) {
		return undefined;
	}
	const names: Record<string, string> = {};
	for (const [key, name] of Object.entries(value.names)) {
		if (typeof name === 'string') names[key] = name;
	}
	return { savedAt: value.savedAt, names };
}

export class NameCache {
	private readonly lists = new Map<string, Map<string, string>>();

	private readonly failures = new Map<string, string>();

	constructor(private readonly options: NameCacheOptions) {}

	/** The names known without asking Kajabi: this execution's list, else a fresh stored one. */
	known(scope: string, kind: NameKind): KnownNames | undefined {
		const read = this.lists.get(listKey(scope, kind));
		if (read) return { names: read, origin: 'execution' };

		const stored = this.storedList(scope, kind);
		if (!stored) return undefined;
		return { names: new Map(Object.entries(stored.names)), origin: 'stored' };
	}

	/** Keeps a list just read for the rest of the execution, and stores it when allowed. */
	remember(scope: string, kind: NameKind, names: ReadonlyMap<string, string>): void {
		this.lists.set(listKey(scope, kind), new Map(names));
		const store = this.options.store;
		const max = this.options.maxStoredNames ?? MAX_STORED_NAMES;
		if (!store || this.options.lifetimeMs <= 0 || names.size > max) return;

		const now = this.options.now();
		const kept: Record<string, StoredList> = {};
		const current = isObject(store[STORE_KEY]) ? store[STORE_KEY] : {};
		for (const [key, value] of Object.entries(current)) {
			const list = readStoredList(value);
			if (list && this.isFresh(list, now)) kept[key] = list;
		}
		kept[listKey(scope, kind)] = { savedAt: now, names: Object.fromEntries(names) };
		// A new object, so n8n sees the change and saves it after a production execution.
		store[STORE_KEY] = kept;
	}

	/** A list that could not be read stays unread for the rest of the execution. */
	rememberFailure(scope: string, kind: NameKind, reason: string): void {
		this.failures.set(listKey(scope, kind), reason);
	}

	failure(scope: string, kind: NameKind): string | undefined {
		return this.failures.get(listKey(scope, kind));
	}

	private storedList(scope: string, kind: NameKind): StoredList | undefined {
		const store = this.options.store;
		if (!store || this.options.lifetimeMs <= 0 || !isObject(store[STORE_KEY])) return undefined;
		const list = readStoredList(store[STORE_KEY][listKey(scope, kind)]);
		return list && this.isFresh(list, this.options.now()) ? list : undefined;
	}

	private isFresh(list: StoredList, now: number): boolean {
		const age = now - list.savedAt;
		return age >= 0 && age < this.options.lifetimeMs;
	}
}
