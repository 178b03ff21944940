import type { DuplicateWindow } from './duplicateWindow';

/**
 * The duplicate window held where every n8n process of an instance can read it: the trigger's
 * workflow static data. n8n loads it from the database for each webhook request and saves it
 * after `webhook()` when it changed, in the main process and in `n8n webhook` processes alike.
 * A webhook process or a restarted n8n thus knows the deliveries another one accepted.
 *
 * n8n writes static data whole, so two requests that overlap in two processes can each save a
 * copy without the other's delivery. Every process therefore keeps what it reads, writes back
 * all it knows, and writes again when it reads a copy that lacks some of it: a lost entry comes
 * back with the next request to any process that knew it.
 */

/** The key under the trigger's node static data. */
export const DELIVERIES_KEY = 'kajabiDeliveries';

/** Stored deliveries at most, the newest kept: 44 bytes each in the workflow's row. */
export const MAX_SHARED_DELIVERIES = 1_000;

/** Which memory knew the delivery: this process's, or the one in the workflow's static data. */
export type DuplicateSource = 'process' | 'workflow';

const SECOND_MS = 1_000;

/**
 * The stored form: one `<delivery id>@<second it was accepted>` per delivery, oldest first,
 * separated by spaces, in one string. A string rather than an object of 1,000 keys: n8n parses,
 * wraps in its change-tracking proxy and serialises the static data on every request, and a
 * string costs it almost nothing. Delivery ids are hex digests, so neither separator occurs in
 * them.
 */
const RECORD_SEPARATOR = ' ';
const TIME_SEPARATOR = '@';

function record(id: string, atMs: number): string {
	return `${id}${TIME_SEPARATOR}${Math.floor(atMs / SECOND_MS)}`;
}

/** One stored record as its delivery id and time in ms, or null when it is not one. */
function parseRecord(text: string): [string, number] | null {
	const at = text.lastIndexOf(TIME_SEPARATOR);
	if (at <= 0 || at === text.length - 1) return null;
	const seconds = Number(text.slice(at + 1));
	return Number.isSafeInteger(seconds) ? [text.slice(0, at), seconds * SECOND_MS] : null;
}

/** The stored deliveries, oldest first, with the time of each in ms; anything else is ignored. */
export function readStoredDeliveries(value: unknown): Array<[string, number]> {
	if (typeof value !== 'string' || value === '') return [];
	const deliveries: Array<[string, number]> = [];
	for (const text of value.split(RECORD_SEPARATOR)) {
		const delivery = parseRecord(text);
		if (delivery) deliveries.push(delivery);
	}
	return deliveries;
}

/** Where the first record of a stored string ends. */
function firstRecordEnd(text: string): number {
	const end = text.indexOf(RECORD_SEPARATOR);
	return end === -1 ? text.length : end;
}

/** How many copies this process wrote recently it still recognises when n8n hands them back. */
const RECENT_COPIES = 32;

/**
 * What one process's window looks like in static data: `text` is always the stored form of
 * its newest deliveries within the window (`count` of them), kept up to date with each change so
 * it never has to be rebuilt from the 10,000 in memory. `recent` holds the strings it wrote
 * lately: when n8n hands one of those back (this process's own save, or an older one under
 * concurrent requests), all it holds is known here and it need not be read.
 */
class SharedCopy {
	text = '';
	count = 0;
	private readonly recent = new Set<string>();

	constructor(
		private readonly windowMs: number,
		private readonly maxStored: number,
	) {}

	isOwn(stored: unknown): boolean {
		return typeof stored === 'string' && (stored === this.text || this.recent.has(stored));
	}

	/**
	 * Rebuilds the copy from the window's newest deliveries, oldest first, so that `add` can drop
	 * the oldest from the front. Only a copy from another process (or none) comes this way.
	 */
	rebuild(newest: Array<[string, number]>): void {
		const inOrder = [...newest].sort((a, b) => a[1] - b[1]);
		this.text = inOrder.map(([id, at]) => record(id, at)).join(RECORD_SEPARATOR);
		this.count = inOrder.length;
	}

	/** Adds a delivery just accepted, dropping what left the window and what is over the cap. */
	add(id: string, at: number): void {
		this.text += this.text === '' ? record(id, at) : RECORD_SEPARATOR + record(id, at);
		this.count += 1;
		this.dropOldest(at);
	}

	/** Remembers that this process wrote the current text. */
	wrote(): void {
		this.recent.add(this.text);
		if (this.recent.size > RECENT_COPIES) {
			this.recent.delete(this.recent.values().next().value as string);
		}
	}

	private dropOldest(now: number): void {
		while (this.count > 0) {
			const end = firstRecordEnd(this.text);
			// The copy holds only records this process wrote, so the first one always parses.
			const [, at] = parseRecord(this.text.slice(0, end)) as [string, number];
			const expired = now - at >= this.windowMs;
			if (!expired && this.count <= this.maxStored) return;
			this.text = this.text.slice(end + 1);
			this.count -= 1;
		}
	}
}

const copies = new WeakMap<DuplicateWindow, SharedCopy>();

function copyFor(local: DuplicateWindow, maxStored: number): SharedCopy {
	let copy = copies.get(local);
	if (!copy) {
		copy = new SharedCopy(local.windowMs, maxStored);
		copy.rebuild(local.newest(maxStored));
		copies.set(local, copy);
	}
	return copy;
}

export class SharedDuplicates {
	/** What this request wrote. */
	private written: string | null = null;
	private readonly copy: SharedCopy;

	constructor(
		private readonly local: DuplicateWindow,
		private readonly store: Record<string, unknown> | undefined,
		private readonly maxStored = MAX_SHARED_DELIVERIES,
	) {
		this.copy = copyFor(local, maxStored);
	}

	/**
	 * Where `id` was seen within the window, or null for a new delivery, which is then recorded
	 * in this process and in the static data. Static data that lacks a delivery this process
	 * knows (a save of another process overlapped) is written again, whatever the answer.
	 */
	check(id: string, now = Date.now()): DuplicateSource | null {
		const knownHere = this.local.seen(id, now);
		if (!this.store) return knownHere ? 'process' : null;
		const stored = this.store[DELIVERIES_KEY];

		if (this.copy.isOwn(stored)) {
			// Everything in a copy this process wrote is in its memory already: nothing to read.
			if (!knownHere) this.copy.add(id, now);
			if (stored !== this.copy.text) this.save();
			return knownHere ? 'process' : null;
		}

		// Another process's copy (or none): take in what it holds.
		let known: DuplicateSource | null = knownHere ? 'process' : null;
		const storedIds = new Set<string>();
		for (const [storedId, at] of readStoredDeliveries(stored)) {
			storedIds.add(storedId);
			if (!knownHere && storedId === id && now - at < this.local.windowMs) known = 'workflow';
			this.local.remember(storedId, at, now);
		}
		const newest = this.local.newest(this.maxStored, now);
		this.copy.rebuild(newest);
		if (known === null || newest.some(([keptId]) => !storedIds.has(keptId))) this.save();
		return known;
	}

	/** Forgets `id` in both memories, so a delivery whose execution could not start can come again. */
	forget(id: string, now = Date.now()): void {
		this.local.forget(id);
		this.copy.rebuild(this.local.newest(this.maxStored, now));
		this.save();
	}

	/** True when this request changed the static data. */
	get changed(): boolean {
		return this.written !== null;
	}

	/** Tells n8n again that the static data changed (see `keepStaticDataChange`). */
	markChanged(): void {
		if (!this.store || this.written === null) return;
		// Any assignment marks it, even of the value already there.
		this.store[DELIVERIES_KEY] = this.written;
	}

	private save(): void {
		if (!this.store) return;
		this.store[DELIVERIES_KEY] = this.copy.text;
		this.written = this.copy.text;
		this.copy.wrote();
	}
}

/**
 * n8n 2.41 builds a second Workflow on the same static data object when a webhook starts an
 * execution, which clears its "changed" flag, so a change made in `webhook()` would not be
 * saved. n8n reads the `webhookResponse` of an `onReceived` answer after that and just before
 * it saves static data: reading it marks the change again.
 */
export function keepStaticDataChange<T extends { webhookResponse?: unknown }>(
	answer: T,
	duplicates: SharedDuplicates | null,
): T {
	if (!duplicates?.changed) return answer;

	const { webhookResponse, ...rest } = answer;
	return Object.defineProperty(rest, 'webhookResponse', {
		enumerable: true,
		get() {
			duplicates.markChanged();
			return webhookResponse;
		},
	}) as T;
}
