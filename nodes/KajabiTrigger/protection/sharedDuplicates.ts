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

/** Stored deliveries at most, the newest kept: about 50 bytes each in the workflow's row. */
export const MAX_SHARED_DELIVERIES = 1_000;

/** Which memory knew the delivery: this process's, or the one in the workflow's static data. */
export type DuplicateSource = 'process' | 'workflow';

const SECOND_MS = 1_000;

/** Delivery id to the second it was accepted, as stored; anything else stored is ignored. */
function readStored(value: unknown): Map<string, number> {
	const stored = new Map<string, number>();
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return stored;
	// Keys, not entries: n8n hands static data over as a proxy, and this runs on every request.
	const deliveries = value as Record<string, unknown>;
	for (const id of Object.keys(deliveries)) {
		const seconds = deliveries[id];
		if (typeof seconds === 'number' && Number.isFinite(seconds))
			stored.set(id, seconds * SECOND_MS);
	}
	return stored;
}

export class SharedDuplicates {
	/** What this request wrote. */
	private written: Record<string, number> | null = null;

	constructor(
		private readonly local: DuplicateWindow,
		private readonly store: Record<string, unknown> | undefined,
		private readonly maxStored = MAX_SHARED_DELIVERIES,
	) {}

	/**
	 * Where `id` was seen within the window, or null for a new delivery, which is then recorded
	 * in this process and in the static data. Static data that lacks a delivery this process
	 * knows (a save of another process overlapped) is written again, whatever the answer.
	 */
	check(id: string, now = Date.now()): DuplicateSource | null {
		const knownHere = this.local.seen(id, now);

		const stored = readStored(this.store?.[DELIVERIES_KEY]);
		for (const [storedId, at] of stored) this.local.remember(storedId, at, now);
		const previous = stored.get(id);
		const known: DuplicateSource | null = knownHere
			? 'process'
			: previous !== undefined && now - previous < this.local.windowMs
				? 'workflow'
				: null;

		const kept = this.newest(now);
		if (known === null || kept.some(([keptId]) => !stored.has(keptId))) this.save(kept);
		return known;
	}

	/** Forgets `id` in both memories, so a delivery whose execution could not start can come again. */
	forget(id: string, now = Date.now()): void {
		this.local.forget(id);
		this.save(this.newest(now));
	}

	/** True when this request changed the static data. */
	get changed(): boolean {
		return this.written !== null;
	}

	/** Tells n8n again that the static data changed (see `keepStaticDataChange`). */
	markChanged(): void {
		if (!this.store || this.written === null) return;
		// Any assignment marks it, even of the object already there: what this request wrote is
		// put back as it is. Copying its 1,000 keys cost more than a millisecond per delivery.
		this.store[DELIVERIES_KEY] = this.written;
	}

	private newest(now: number): Array<[string, number]> {
		return this.local.newest(this.maxStored, now);
	}

	// Seconds are enough for a window counted in seconds, and keep the row small.
	private save(kept: Array<[string, number]>): void {
		if (!this.store) return;

		const deliveries: Record<string, number> = {};
		for (const [id, at] of kept) deliveries[id] = Math.floor(at / SECOND_MS);
		// A new object, so n8n sees the change and saves it after the webhook call.
		this.store[DELIVERIES_KEY] = deliveries;
		this.written = deliveries;
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
