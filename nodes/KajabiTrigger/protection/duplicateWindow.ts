/**
 * Remembers delivery ids for a time window so a retried or replayed delivery starts no second
 * execution. Memory is bounded: past `maxEntries` the oldest ids are forgotten first.
 *
 * A delivery counts as seen once n8n has started its execution. Between the Trigger accepting
 * it and that moment it is held: a copy arriving then waits to learn whether the execution
 * started (a duplicate) or failed to (n8n answered an error; the copy is then a new delivery).
 *
 * The memory lives in this n8n process; `sharedDuplicates.ts` adds the copy in the workflow's
 * static data that every n8n process reads (queue mode, restarts).
 */

/** The longest a delivery stays held while n8n works on its request. */
export const MAX_HOLD_MS = 30_000;

/**
 * How long a delivery stays held after its sender hung up before n8n answered: n8n may still be
 * starting the execution, and then confirms it late.
 */
export const HOLD_AFTER_HANG_UP_MS = 5_000;

/** One accepted delivery whose execution n8n has not yet started. */
export interface Hold {
	readonly id: string;
	readonly since: number;
	hungUpAt: number | null;
}

export class DuplicateWindow {
	private readonly seenAt = new Map<string, number>();
	private readonly holds = new Map<string, Hold>();

	constructor(
		readonly windowMs: number,
		private readonly maxEntries = 10_000,
	) {}

	get size(): number {
		return this.seenAt.size;
	}

	/** True when `id` was seen within the window. */
	has(id: string, now = Date.now()): boolean {
		this.forgetExpired(now);
		const previous = this.seenAt.get(id);
		return previous !== undefined && now - previous < this.windowMs;
	}

	/** Records `id` as seen at `now`. */
	record(id: string, now = Date.now()): void {
		this.seenAt.delete(id);
		this.seenAt.set(id, now);
		this.evictOverCap();
	}

	/** True while a request holds `id`: accepted, its execution neither started nor failed. */
	isHeld(id: string, now = Date.now()): boolean {
		const hold = this.holds.get(id);
		if (hold === undefined) return false;
		if (!holdExpired(hold, now)) return true;
		this.holds.delete(id);
		return false;
	}

	/** Holds `id` for the request that accepted it, until `started` or `release`. */
	hold(id: string, now = Date.now()): Hold {
		for (const [heldId, hold] of this.holds) {
			if (holdExpired(hold, now)) this.holds.delete(heldId);
		}
		const hold: Hold = { id, since: now, hungUpAt: null };
		this.holds.set(id, hold);
		return hold;
	}

	/**
	 * n8n started the execution: the delivery is seen from `now`. False when it already was (a
	 * late start, after the hold expired and a copy was accepted in its place).
	 */
	started(hold: Hold, now = Date.now()): boolean {
		this.release(hold);
		if (this.has(hold.id, now)) return false;
		this.record(hold.id, now);
		return true;
	}

	/** The execution did not start: a copy of the delivery is a new delivery. */
	release(hold: Hold): void {
		if (this.holds.get(hold.id) === hold) this.holds.delete(hold.id);
	}

	/**
	 * Takes in a delivery another n8n process saw at `at`. Such entries may be older than ones
	 * already recorded, so expiry cleans them up late; `has` still checks each entry's own time.
	 */
	remember(id: string, at: number, now = Date.now()): void {
		if (now - at >= this.windowMs) return;
		const previous = this.seenAt.get(id);
		if (previous !== undefined && previous >= at) return;

		this.seenAt.delete(id);
		this.seenAt.set(id, at);
		this.evictOverCap();
	}

	/** The deliveries still within the window, with the time each was seen. */
	*entries(now = Date.now()): IterableIterator<[string, number]> {
		for (const [id, at] of this.seenAt) {
			if (now - at < this.windowMs) yield [id, at];
		}
	}

	/**
	 * The deliveries still within the window, as `entries` lists them, cut to the `limit` most
	 * recent when there are more: those newest first, equal times in the order they came.
	 */
	newest(limit: number, now = Date.now()): Array<[string, number]> {
		const ids: string[] = [];
		const times: number[] = [];
		let inTimeOrder = true;
		// forEach rather than entries(): it runs once per delivery over up to maxEntries ids.
		this.seenAt.forEach((at, id) => {
			if (now - at >= this.windowMs) return;
			if (times.length > 0 && at < times[times.length - 1]) inTimeOrder = false;
			ids.push(id);
			times.push(at);
		});

		if (ids.length <= limit || !inTimeOrder) {
			const fresh = ids.map((id, index): [string, number] => [id, times[index]]);
			return ids.length <= limit ? fresh : fresh.sort((a, b) => b[1] - a[1]).slice(0, limit);
		}

		// In time order (no entry taken in from another process out of turn): the newest are at
		// the end, so take runs of equal times from the end, each run front to back, as a stable
		// sort would, without sorting them all.
		const newest: Array<[string, number]> = [];
		let end = ids.length;
		while (newest.length < limit) {
			let start = end - 1;
			while (start > 0 && times[start - 1] === times[end - 1]) start--;
			for (let index = start; index < end && newest.length < limit; index++) {
				newest.push([ids[index], times[index]]);
			}
			end = start;
		}
		return newest;
	}

	private evictOverCap(): void {
		while (this.seenAt.size > this.maxEntries) {
			const oldest = this.seenAt.keys().next().value as string;
			this.seenAt.delete(oldest);
		}
	}

	// Entries are in insertion order, which is time order but for remembered ones: stop at the
	// first one still fresh.
	private forgetExpired(now: number): void {
		for (const [id, at] of this.seenAt) {
			if (now - at < this.windowMs) return;
			this.seenAt.delete(id);
		}
	}
}

function holdExpired(hold: Hold, now: number): boolean {
	if (hold.hungUpAt !== null && now - hold.hungUpAt >= HOLD_AFTER_HANG_UP_MS) return true;
	return now - hold.since >= MAX_HOLD_MS;
}

const windows = new Map<string, DuplicateWindow>();

/**
 * One window per trigger node (keyed by workflow and node), kept across deliveries for as long
 * as n8n runs. Changing the window length starts a fresh window.
 */
export function duplicateWindowFor(key: string, windowMs: number): DuplicateWindow {
	let window = windows.get(key);
	if (!window || window.windowMs !== windowMs) {
		window = new DuplicateWindow(windowMs);
		windows.set(key, window);
	}
	return window;
}
