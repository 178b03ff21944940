import { pause } from '../../shared/transport/pause';
import type { DuplicateWindow, Hold } from './duplicateWindow';

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

/** How often a copy of a held delivery looks again whether its execution started. */
const HOLD_POLL_MS = 25;

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
	/** The delivery this request accepted, until n8n starts its execution or it is released. */
	private accepted: Hold | null = null;
	private readonly copy: SharedCopy;

	constructor(
		private readonly local: DuplicateWindow,
		private readonly store: Record<string, unknown> | undefined,
		private readonly maxStored = MAX_SHARED_DELIVERIES,
	) {
		this.copy = copyFor(local, maxStored);
	}

	/**
	 * Where `id` was seen within the window, or null for a new delivery, which this request then
	 * holds (see `check`). A copy of a delivery another request holds waits until that one's
	 * execution started (then it is a duplicate) or failed to (then it is new).
	 */
	async admit(id: string): Promise<DuplicateSource | null> {
		let known = this.check(id);
		while (known === 'held') {
			await pause(HOLD_POLL_MS);
			known = this.check(id);
		}
		return known;
	}

	/**
	 * Where `id` was seen within the window; 'held' while another request holds it; or null for
	 * a new delivery, which this request holds until `started` records it in this process and in
	 * the static data, or `release` lets it go. Static data that lacks a delivery this process
	 * knows (a save of another process overlapped) is written again, whatever the answer.
	 */
	check(id: string, now = Date.now()): DuplicateSource | 'held' | null {
		const knownHere = this.local.has(id, now);
		if (!knownHere && this.local.isHeld(id, now)) return 'held';
		let known: DuplicateSource | null = knownHere ? 'process' : null;
		if (this.store) known = this.takeInStored(id, known, now);
		if (known === null) this.accepted = this.local.hold(id, now);
		return known;
	}

	/**
	 * n8n started the execution of the delivery this request accepted: from now on it is a
	 * duplicate, here and in the static data. Also tells n8n again that the static data changed
	 * (see `answerWhenStarted`). Safe to call more than once.
	 */
	started(now = Date.now()): void {
		const hold = this.accepted;
		this.accepted = null;
		if (hold && this.local.started(hold, now)) {
			this.copy.add(hold.id, now);
			this.save();
		} else if (this.store && this.written !== null) {
			// Any assignment marks it, even of the value already there.
			this.store[DELIVERIES_KEY] = this.written;
		}
	}

	/** The delivery this request accepted starts no execution: a copy of it is new. */
	release(): void {
		if (this.accepted) this.local.release(this.accepted);
		this.accepted = null;
	}

	/** n8n's answer went out, or the sender hung up, before the execution started. */
	answerClosed(answered: boolean, now = Date.now()): void {
		if (!this.accepted) return;
		if (answered) this.release();
		else this.accepted.hungUpAt = now;
	}

	/** True while this request holds a delivery it accepted. */
	get holding(): boolean {
		return this.accepted !== null;
	}

	/** True when this request changed the static data. */
	get changed(): boolean {
		return this.written !== null;
	}

	/** Takes in a copy another process wrote (or none), and writes it again if it lacks some. */
	private takeInStored(
		id: string,
		knownHere: DuplicateSource | null,
		now: number,
	): DuplicateSource | null {
		const stored = (this.store as Record<string, unknown>)[DELIVERIES_KEY];
		if (this.copy.isOwn(stored)) {
			// Everything in a copy this process wrote is in its memory already: nothing to read.
			if (stored !== this.copy.text) this.save();
			return knownHere;
		}

		let known = knownHere;
		const storedIds = new Set<string>();
		for (const [storedId, at] of readStoredDeliveries(stored)) {
			storedIds.add(storedId);
			if (known === null && storedId === id && now - at < this.local.windowMs) known = 'workflow';
			this.local.remember(storedId, at, now);
		}
		const newest = this.local.newest(this.maxStored, now);
		this.copy.rebuild(newest);
		if (newest.some(([keptId]) => !storedIds.has(keptId))) this.save();
		return known;
	}

	private save(): void {
		if (!this.store) return;
		this.store[DELIVERIES_KEY] = this.copy.text;
		this.written = this.copy.text;
		this.copy.wrote();
	}
}

/** The parts of n8n's webhook response (Express's) watched here. */
interface WatchedResponse {
	once?: (event: 'close', listener: () => void) => unknown;
	writableFinished?: boolean;
}

/**
 * Releases the delivery this request accepted if n8n answers before it started the execution:
 * it could not start it (its database was not ready, or it was stopping) and answered an error,
 * or `webhook()` failed after accepting. The sender's retry is then taken, not skipped as a
 * duplicate. If the sender hangs up first, the hold lasts a few seconds more, for n8n may still
 * start the execution. Call it right after `admit` accepted a delivery.
 */
export function releaseIfAnsweredFirst(duplicates: SharedDuplicates, response: unknown): void {
	const watched = response as WatchedResponse | undefined;
	if (typeof watched?.once !== 'function') return;
	watched.once('close', () => duplicates.answerClosed(watched.writableFinished === true));
}

/**
 * n8n reads the `webhookResponse` of an `onReceived` answer once `WorkflowRunner.run` has
 * started the execution (stored it, or queued it in queue mode), and before it answers and
 * saves static data; n8n 2.8.4 to 2.41.1 read it nowhere earlier for a trigger that reads its
 * own body. Reading it is thus the sign that the accepted delivery is on its way: only then is
 * it recorded as seen (see `releaseIfAnsweredFirst` for the other way).
 *
 * Reading it also marks the static data changed again: n8n 2.41 builds a second Workflow on
 * the same static data object when a webhook starts an execution, which clears its "changed"
 * flag, so a change made in `webhook()` would not be saved.
 */
export function answerWhenStarted<T extends { webhookResponse?: unknown }>(
	answer: T,
	duplicates: SharedDuplicates | null,
): T {
	if (!duplicates || (!duplicates.holding && !duplicates.changed)) return answer;

	const { webhookResponse, ...rest } = answer;
	return Object.defineProperty(rest, 'webhookResponse', {
		enumerable: true,
		get() {
			duplicates.started();
			return webhookResponse;
		},
	}) as T;
}
