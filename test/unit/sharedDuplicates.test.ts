import { setTimeout as delay } from 'node:timers/promises';

import fc from 'fast-check';

import {
	DuplicateWindow,
	HOLD_AFTER_HANG_UP_MS,
	MAX_HOLD_MS,
} from '../../nodes/KajabiTrigger/protection/duplicateWindow';
import {
	DELIVERIES_KEY,
	MAX_SHARED_DELIVERIES,
	SharedDuplicates,
	answerWhenStarted,
	readStoredDeliveries,
} from '../../nodes/KajabiTrigger/protection/sharedDuplicates';
import { seen } from '../helpers/seen';

const WINDOW_MS = 600_000;
const T0 = 1_750_000_000_000;

/** One n8n process: its own memory, and the static data n8n loaded for this request. */
function processWith(store: Record<string, unknown>, local = new DuplicateWindow(WINDOW_MS)) {
	return { local, duplicates: new SharedDuplicates(local, store) };
}

/** A delivery the trigger checks and, when it is new, n8n starts an execution for. */
function deliver(duplicates: SharedDuplicates, id: string, now: number) {
	const known = duplicates.check(id, now);
	if (known === null) duplicates.started(now);
	return known;
}

/** The delivery ids the static data holds, oldest first. */
function storedIds(store: Record<string, unknown>): string[] {
	return readStoredDeliveries(store[DELIVERIES_KEY]).map(([id]) => id);
}

/** What n8n does between requests: the saved static data is read again, as JSON. */
function reloaded(store: Record<string, unknown>): Record<string, unknown> {
	return JSON.parse(JSON.stringify(store)) as Record<string, unknown>;
}

describe('duplicate window shared through static data', () => {
	it('records a new delivery in the static data, as the second it arrived', () => {
		const store: Record<string, unknown> = {};

		expect(deliver(processWith(store).duplicates, 'd1', T0 + 400)).toBeNull();

		expect(store[DELIVERIES_KEY]).toBe(`d1@${Math.floor(T0 / 1000)}`);
	});

	it('knows a delivery another process accepted, with a memory of its own that lacks it', () => {
		const saved: Record<string, unknown> = {};
		deliver(processWith(saved).duplicates, 'd1', T0);

		const other = processWith(reloaded(saved));

		expect(deliver(other.duplicates, 'd1', T0 + 5_000)).toBe('workflow');
		expect(deliver(other.duplicates, 'd2', T0 + 5_000)).toBeNull();
	});

	it('knows a delivery after a restart, when the process memory is gone', () => {
		const saved: Record<string, unknown> = {};
		deliver(processWith(saved).duplicates, 'd1', T0);

		const restarted = processWith(reloaded(saved));

		expect(deliver(restarted.duplicates, 'd1', T0 + 60_000)).toBe('workflow');
	});

	it('answers from process memory first, and then changes no static data', () => {
		const store: Record<string, unknown> = {};
		const { duplicates } = processWith(store);
		deliver(duplicates, 'd1', T0);
		const saved = store[DELIVERIES_KEY];

		expect(deliver(duplicates, 'd1', T0 + 1_000)).toBe('process');
		expect(store[DELIVERIES_KEY]).toBe(saved);
	});

	it('lets a delivery through again once the window has passed in the static data', () => {
		const saved: Record<string, unknown> = {};
		deliver(processWith(saved).duplicates, 'd1', T0);

		const later = processWith(reloaded(saved));

		expect(deliver(later.duplicates, 'd1', T0 + WINDOW_MS + 1_000)).toBeNull();
	});

	it('puts back a delivery that an overlapping save of another process dropped', () => {
		// Both processes read the static data before either saved: the second save wins.
		const before: Record<string, unknown> = {};
		const a = processWith(reloaded(before));
		const b = processWith(reloaded(before));
		deliver(a.duplicates, 'from-a', T0);
		const storeB = reloaded(before);
		deliver(new SharedDuplicates(b.local, storeB), 'from-b', T0 + 10);
		expect(storedIds(storeB)).toEqual(['from-b']);

		// A's next accepted delivery writes back all A knows, and what B's save held.
		const storeA = reloaded(storeB);
		deliver(new SharedDuplicates(a.local, storeA), 'next-at-a', T0 + 2_000);

		expect(storedIds(storeA).sort()).toEqual(['from-a', 'from-b', 'next-at-a']);
		expect(deliver(processWith(reloaded(storeA)).duplicates, 'from-a', T0 + 3_000)).toBe(
			'workflow',
		);
	});

	it('writes the static data again when a copy it reads lacks a delivery it knows', () => {
		const store: Record<string, unknown> = {};
		const a = processWith(store);
		deliver(a.duplicates, 'd1', T0);

		// A save from an older copy dropped d1; a replay to the same process still finds it and
		// repairs the copy, while a copy that already holds everything is left unchanged.
		const dropped: Record<string, unknown> = { [DELIVERIES_KEY]: '' };
		expect(deliver(new SharedDuplicates(a.local, dropped), 'd1', T0 + 1_000)).toBe('process');
		expect(storedIds(dropped)).toEqual(['d1']);

		const complete = reloaded(dropped);
		const held = complete[DELIVERIES_KEY];
		deliver(new SharedDuplicates(a.local, complete), 'd1', T0 + 2_000);
		expect(complete[DELIVERIES_KEY]).toBe(held);
	});

	it('takes in what other processes stored, so its own saves keep their deliveries', () => {
		const saved: Record<string, unknown> = {};
		deliver(processWith(saved).duplicates, 'from-a', T0);
		const b = processWith(reloaded(saved));
		deliver(b.duplicates, 'from-b', T0 + 1_000);

		// The static data lost everything (a save from an empty copy); B's next save restores it.
		const wiped: Record<string, unknown> = {};
		deliver(new SharedDuplicates(b.local, wiped), 'next-at-b', T0 + 2_000);

		expect(storedIds(wiped).sort()).toEqual(['from-a', 'from-b', 'next-at-b']);
	});

	it('keeps the newest deliveries only, so the workflow row stays small', () => {
		const store: Record<string, unknown> = {};
		const local = new DuplicateWindow(WINDOW_MS);
		for (let i = 0; i < MAX_SHARED_DELIVERIES + 250; i++) {
			deliver(new SharedDuplicates(local, store), `d${i}`, T0 + i * 100);
		}

		const stored = storedIds(store);
		expect(stored).toHaveLength(MAX_SHARED_DELIVERIES);
		expect(stored[stored.length - 1]).toBe(`d${MAX_SHARED_DELIVERIES + 249}`);
		expect(stored[0]).toBe('d250');
		expect(JSON.stringify(store[DELIVERIES_KEY]).length).toBeLessThan(MAX_SHARED_DELIVERIES * 20);
	});

	it('drops deliveries older than the window from the static data when it saves', () => {
		const saved: Record<string, unknown> = {};
		deliver(processWith(saved).duplicates, 'old', T0);

		const store = reloaded(saved);
		deliver(processWith(store).duplicates, 'new', T0 + WINDOW_MS + 5_000);

		expect(storedIds(store)).toEqual(['new']);
	});

	it('records a delivery only once n8n has started its execution', () => {
		const store: Record<string, unknown> = {};
		const { local, duplicates } = processWith(store);

		expect(duplicates.check('d1', T0)).toBeNull();
		expect(store[DELIVERIES_KEY]).toBeUndefined();
		expect(processWith(store, local).duplicates.check('d1', T0 + 10)).toBe('held');

		duplicates.started(T0 + 20);

		expect(storedIds(store)).toEqual(['d1']);
		expect(processWith(store, local).duplicates.check('d1', T0 + 30)).toBe('process');
	});

	it('lets a delivery go, in neither memory, when its execution did not start', () => {
		const store: Record<string, unknown> = {};
		const { local, duplicates } = processWith(store);
		duplicates.check('d1', T0);

		duplicates.release();
		duplicates.started(T0 + 10);

		expect(store[DELIVERIES_KEY]).toBeUndefined();
		expect(local.has('d1', T0 + 20)).toBe(false);
		expect(processWith(store, local).duplicates.check('d1', T0 + 20)).toBeNull();
	});

	it('releases a held delivery when n8n answers first, and holds it a little when the sender hangs up', () => {
		const local = new DuplicateWindow(WINDOW_MS);
		const answered = new SharedDuplicates(local, {});
		answered.check('answered', T0);
		const hungUp = new SharedDuplicates(local, {});
		hungUp.check('hung-up', T0);

		answered.answerClosed(true, T0 + 10);
		hungUp.answerClosed(false, T0 + 10);

		expect(local.isHeld('answered', T0 + 20)).toBe(false);
		expect(local.isHeld('hung-up', T0 + 10 + HOLD_AFTER_HANG_UP_MS - 1)).toBe(true);
		expect(local.isHeld('hung-up', T0 + 10 + HOLD_AFTER_HANG_UP_MS)).toBe(false);
		// n8n started it late after all: it counts as seen, and is stored.
		hungUp.started(T0 + 10 + HOLD_AFTER_HANG_UP_MS + 1);
		expect(local.has('hung-up', T0 + 10 + HOLD_AFTER_HANG_UP_MS + 2)).toBe(true);
	});

	it('holds a delivery no longer than its limit while n8n does not answer', () => {
		const local = new DuplicateWindow(WINDOW_MS);
		new SharedDuplicates(local, {}).check('stuck', T0);

		expect(local.isHeld('stuck', T0 + MAX_HOLD_MS - 1)).toBe(true);
		expect(new SharedDuplicates(local, {}).check('stuck', T0 + MAX_HOLD_MS)).toBeNull();
	});

	it('does not let a late start release or double the copy accepted in its place', () => {
		const store: Record<string, unknown> = {};
		const local = new DuplicateWindow(WINDOW_MS);
		const late = new SharedDuplicates(local, store);
		late.check('d1', T0);
		const copy = new SharedDuplicates(local, store);
		expect(copy.check('d1', T0 + MAX_HOLD_MS)).toBeNull();

		late.release();
		expect(local.isHeld('d1', T0 + MAX_HOLD_MS + 1)).toBe(true);
		copy.started(T0 + MAX_HOLD_MS + 2);
		late.started(T0 + MAX_HOLD_MS + 3);

		expect(storedIds(store)).toEqual(['d1']);
	});

	it('waits for a held copy to start, then calls it a duplicate', async () => {
		const local = new DuplicateWindow(WINDOW_MS);
		const first = new SharedDuplicates(local, {});
		expect(await first.admit('d1')).toBeNull();

		const copy = new SharedDuplicates(local, {}).admit('d1');
		await delay(80);
		first.started();

		expect(await copy).toBe('process');
	});

	it('ignores stored entries it cannot read', () => {
		const store: Record<string, unknown> = {
			[DELIVERIES_KEY]: `d1@yesterday d2@ @${Math.floor(T0 / 1000)} d3@${Math.floor(T0 / 1000)}`,
		};

		const { duplicates } = processWith(store);

		expect(deliver(duplicates, 'd3', T0 + 1_000)).toBe('workflow');
		expect(deliver(duplicates, 'd1', T0 + 1_000)).toBeNull();
		expect(deliver(processWith({ [DELIVERIES_KEY]: ['d1'] }).duplicates, 'd1', T0)).toBeNull();
		const older = { [DELIVERIES_KEY]: { d1: Math.floor(T0 / 1000) } };
		expect(deliver(processWith(older).duplicates, 'd1', T0)).toBeNull();
	});

	it('keeps what concurrent requests in one process accepted, when each read an older copy', () => {
		const saved: Record<string, unknown> = {};
		const local = new DuplicateWindow(WINDOW_MS);
		deliver(new SharedDuplicates(local, saved), 'd1', T0);

		// Two requests load the same saved copy and are checked before either execution starts;
		// the later save must not drop the earlier one's delivery.
		const first = reloaded(saved);
		const second = reloaded(saved);
		const two = new SharedDuplicates(local, first);
		const three = new SharedDuplicates(local, second);
		expect(two.check('d2', T0 + 10)).toBeNull();
		expect(three.check('d3', T0 + 20)).toBeNull();
		two.started(T0 + 30);
		three.started(T0 + 40);

		expect(storedIds(second)).toEqual(['d1', 'd2', 'd3']);
		// A request that loads the newest copy and brings a repeat writes nothing.
		const newest = reloaded(second);
		const held = newest[DELIVERIES_KEY];
		expect(deliver(new SharedDuplicates(local, newest), 'd2', T0 + 50)).toBe('process');
		expect(newest[DELIVERIES_KEY]).toBe(held);
	});

	it('stores, after any mix of requests, the newest deliveries this process knows', () => {
		type Request =
			| { kind: 'delivery'; id: number; advanceMs: number; copy: 'newest' | 'older' | 'other' }
			| { kind: 'not started'; id: number };
		const request: fc.Arbitrary<Request> = fc.oneof(
			{
				weight: 8,
				arbitrary: fc.record({
					kind: fc.constant('delivery' as const),
					id: fc.nat({ max: 40 }),
					// Whole seconds, as stored, so the stored times compare with the memory's as they are.
					advanceMs: fc.oneof(
						fc.constant(0),
						fc.nat({ max: 20 }).map((seconds) => seconds * 1000),
					),
					copy: fc.constantFrom('newest' as const, 'older' as const, 'other' as const),
				}),
			},
			{
				weight: 1,
				arbitrary: fc.record({
					kind: fc.constant('not started' as const),
					id: fc.nat({ max: 40 }),
				}),
			},
		);

		fc.assert(
			fc.property(
				fc.array(request, { maxLength: 120 }),
				fc.integer({ min: 1, max: 12 }),
				(requests, max) => {
					const local = new DuplicateWindow(60_000);
					const saves: string[] = [];
					let now = T0;
					for (const step of requests) {
						const latest = saves[saves.length - 1];
						const older = saves[Math.max(0, saves.length - 3)];
						const store: Record<string, unknown> = {};
						if (step.kind === 'delivery') {
							now += step.advanceMs;
							// n8n hands over the newest save, an older one (concurrent requests), or a
							// copy another process wrote, holding deliveries this one never saw.
							if (step.copy === 'newest' && latest !== undefined) store[DELIVERIES_KEY] = latest;
							if (step.copy === 'older' && older !== undefined) store[DELIVERIES_KEY] = older;
							if (step.copy === 'other')
								store[DELIVERIES_KEY] = `x${step.id}@${Math.floor((now - 1_000) / 1000)}`;
							deliver(new SharedDuplicates(local, store, max), `d${step.id}`, now);
						} else {
							store[DELIVERIES_KEY] = latest;
							// Accepted, then n8n could not start its execution.
							const refused = new SharedDuplicates(local, store, max);
							if (refused.check(`d${step.id}`, now) === null) refused.release();
						}
						if (typeof store[DELIVERIES_KEY] === 'string')
							saves.push(store[DELIVERIES_KEY] as string);
					}
					if (saves.length === 0) return;

					// The last save holds the newest deliveries this process knows within the window: as
					// many as fit, none older than one left out (which of equal times is kept may vary).
					const fresh = new Map(local.entries(now));
					const stored = readStoredDeliveries(saves[saves.length - 1]).filter(
						([, at]) => now - at < 60_000,
					);
					const storedIds = new Set(stored.map(([id]) => id));
					expect(storedIds.size).toBe(stored.length);
					expect(stored.length).toBe(Math.min(max, fresh.size));
					for (const [id, at] of stored) expect(fresh.get(id)).toBe(at);
					const oldestKept = Math.min(...stored.map(([, at]) => at));
					for (const [id, at] of fresh) {
						if (!storedIds.has(id)) expect(at).toBeLessThanOrEqual(oldestKept);
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	it('still works in process memory where n8n offers no static data', () => {
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), undefined);

		expect(deliver(duplicates, 'd1', T0)).toBeNull();
		expect(deliver(duplicates, 'd1', T0 + 1)).toBe('process');
	});
});

describe('a window that takes in other processes’ deliveries', () => {
	it('remembers a delivery at the time it was seen elsewhere', () => {
		const window = new DuplicateWindow(60_000);

		window.remember('d1', 1_000, 30_000);

		expect(seen(window, 'd1', 60_500)).toBe(true);
		expect(seen(window, 'd1', 61_001)).toBe(false);
	});

	it('keeps the later of two times, and nothing already out of the window', () => {
		const window = new DuplicateWindow(60_000);
		seen(window, 'd1', 50_000);

		window.remember('d1', 10_000, 55_000);
		window.remember('gone', 0, 70_000);

		expect([...window.entries(70_000)]).toEqual([['d1', 50_000]]);
	});

	it('stays within its bound when it takes entries in', () => {
		const window = new DuplicateWindow(600_000, 10);
		for (let i = 0; i < 50; i++) window.remember(`d${i}`, i, 100);

		expect(window.size).toBe(10);
	});
});

describe('keeping the change for n8n to save', () => {
	/** Static data the way n8n wraps it: setting a key marks the whole object changed. */
	function observedStore() {
		const root = { changed: false };
		const store = new Proxy({} as Record<string, unknown>, {
			set(target, key, value) {
				root.changed = true;
				return Reflect.set(target, key, value);
			},
		});
		return { root, store };
	}

	it('records the delivery and marks the static data changed when n8n reads the answer', () => {
		const { root, store } = observedStore();
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), store);
		duplicates.check('d1', T0);
		const answer = answerWhenStarted(
			{ workflowData: [], webhookResponse: { status: 'accepted', deliveryId: 'd1' } },
			duplicates,
		);
		expect(root.changed).toBe(false);

		// What n8n 2.41 does when the execution starts: a second wrapper clears the flag.
		expect(answer.webhookResponse).toEqual({ status: 'accepted', deliveryId: 'd1' });
		expect(root.changed).toBe(true);
		expect(storedIds(store)).toEqual(['d1']);

		// Read again (another wrapper cleared the flag): marked again, recorded once.
		root.changed = false;
		expect(JSON.parse(JSON.stringify(answer))).toEqual({
			workflowData: [],
			webhookResponse: { status: 'accepted', deliveryId: 'd1' },
		});
		expect(root.changed).toBe(true);
		expect(storedIds(store)).toEqual(['d1']);
	});

	it('leaves an answer alone when nothing was accepted or written', () => {
		const { root, store } = observedStore();
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), store);
		const answer = { webhookResponse: { status: 'accepted' } };

		expect(answerWhenStarted(answer, duplicates)).toBe(answer);
		expect(answerWhenStarted(answer, null)).toBe(answer);
		expect(root.changed).toBe(false);
	});
});
