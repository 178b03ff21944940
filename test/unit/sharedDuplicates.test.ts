import { DuplicateWindow } from '../../nodes/KajabiTrigger/protection/duplicateWindow';
import {
	DELIVERIES_KEY,
	MAX_SHARED_DELIVERIES,
	SharedDuplicates,
	keepStaticDataChange,
} from '../../nodes/KajabiTrigger/protection/sharedDuplicates';

const WINDOW_MS = 600_000;
const T0 = 1_750_000_000_000;

/** One n8n process: its own memory, and the static data n8n loaded for this request. */
function processWith(store: Record<string, unknown>, local = new DuplicateWindow(WINDOW_MS)) {
	return { local, duplicates: new SharedDuplicates(local, store) };
}

/** What n8n does between requests: the saved static data is read again, as JSON. */
function reloaded(store: Record<string, unknown>): Record<string, unknown> {
	return JSON.parse(JSON.stringify(store)) as Record<string, unknown>;
}

describe('duplicate window shared through static data', () => {
	it('records a new delivery in the static data, as the second it arrived', () => {
		const store: Record<string, unknown> = {};

		expect(processWith(store).duplicates.check('d1', T0 + 400)).toBeNull();

		expect(store[DELIVERIES_KEY]).toEqual({ d1: Math.floor(T0 / 1000) });
	});

	it('knows a delivery another process accepted, with a memory of its own that lacks it', () => {
		const saved: Record<string, unknown> = {};
		processWith(saved).duplicates.check('d1', T0);

		const other = processWith(reloaded(saved));

		expect(other.duplicates.check('d1', T0 + 5_000)).toBe('workflow');
		expect(other.duplicates.check('d2', T0 + 5_000)).toBeNull();
	});

	it('knows a delivery after a restart, when the process memory is gone', () => {
		const saved: Record<string, unknown> = {};
		processWith(saved).duplicates.check('d1', T0);

		const restarted = processWith(reloaded(saved));

		expect(restarted.duplicates.check('d1', T0 + 60_000)).toBe('workflow');
	});

	it('answers from process memory first, and then changes no static data', () => {
		const store: Record<string, unknown> = {};
		const { duplicates } = processWith(store);
		duplicates.check('d1', T0);
		const saved = store[DELIVERIES_KEY];

		expect(duplicates.check('d1', T0 + 1_000)).toBe('process');
		expect(store[DELIVERIES_KEY]).toBe(saved);
	});

	it('lets a delivery through again once the window has passed in the static data', () => {
		const saved: Record<string, unknown> = {};
		processWith(saved).duplicates.check('d1', T0);

		const later = processWith(reloaded(saved));

		expect(later.duplicates.check('d1', T0 + WINDOW_MS + 1_000)).toBeNull();
	});

	it('puts back a delivery that an overlapping save of another process dropped', () => {
		// Both processes read the static data before either saved: the second save wins.
		const before: Record<string, unknown> = {};
		const a = processWith(reloaded(before));
		const b = processWith(reloaded(before));
		a.duplicates.check('from-a', T0);
		const storeB = reloaded(before);
		new SharedDuplicates(b.local, storeB).check('from-b', T0 + 10);
		expect(Object.keys(storeB[DELIVERIES_KEY] as object)).toEqual(['from-b']);

		// A's next accepted delivery writes back all A knows, and what B's save held.
		const storeA = reloaded(storeB);
		new SharedDuplicates(a.local, storeA).check('next-at-a', T0 + 2_000);

		expect(Object.keys(storeA[DELIVERIES_KEY] as object).sort()).toEqual([
			'from-a',
			'from-b',
			'next-at-a',
		]);
		expect(processWith(reloaded(storeA)).duplicates.check('from-a', T0 + 3_000)).toBe('workflow');
	});

	it('writes the static data again when a copy it reads lacks a delivery it knows', () => {
		const store: Record<string, unknown> = {};
		const a = processWith(store);
		a.duplicates.check('d1', T0);

		// A save from an older copy dropped d1; a replay to the same process still finds it and
		// repairs the copy, while a copy that already holds everything is left unchanged.
		const dropped: Record<string, unknown> = { [DELIVERIES_KEY]: {} };
		expect(new SharedDuplicates(a.local, dropped).check('d1', T0 + 1_000)).toBe('process');
		expect(Object.keys(dropped[DELIVERIES_KEY] as object)).toEqual(['d1']);

		const complete = reloaded(dropped);
		const held = complete[DELIVERIES_KEY];
		new SharedDuplicates(a.local, complete).check('d1', T0 + 2_000);
		expect(complete[DELIVERIES_KEY]).toBe(held);
	});

	it('takes in what other processes stored, so its own saves keep their deliveries', () => {
		const saved: Record<string, unknown> = {};
		processWith(saved).duplicates.check('from-a', T0);
		const b = processWith(reloaded(saved));
		b.duplicates.check('from-b', T0 + 1_000);

		// The static data lost everything (a save from an empty copy); B's next save restores it.
		const wiped: Record<string, unknown> = {};
		new SharedDuplicates(b.local, wiped).check('next-at-b', T0 + 2_000);

		expect(Object.keys(wiped[DELIVERIES_KEY] as object).sort()).toEqual([
			'from-a',
			'from-b',
			'next-at-b',
		]);
	});

	it('keeps the newest deliveries only, so the workflow row stays small', () => {
		const store: Record<string, unknown> = {};
		const local = new DuplicateWindow(WINDOW_MS);
		for (let i = 0; i < MAX_SHARED_DELIVERIES + 250; i++) {
			new SharedDuplicates(local, store).check(`d${i}`, T0 + i * 100);
		}

		const stored = store[DELIVERIES_KEY] as Record<string, number>;
		expect(Object.keys(stored)).toHaveLength(MAX_SHARED_DELIVERIES);
		expect(stored).toHaveProperty(`d${MAX_SHARED_DELIVERIES + 249}`);
		expect(stored).not.toHaveProperty('d0');
		expect(JSON.stringify(stored).length).toBeLessThan(MAX_SHARED_DELIVERIES * 50);
	});

	it('drops deliveries older than the window from the static data when it saves', () => {
		const saved: Record<string, unknown> = {};
		processWith(saved).duplicates.check('old', T0);

		const store = reloaded(saved);
		processWith(store).duplicates.check('new', T0 + WINDOW_MS + 5_000);

		expect(Object.keys(store[DELIVERIES_KEY] as object)).toEqual(['new']);
	});

	it('forgets a delivery in both memories when its execution could not start', () => {
		const store: Record<string, unknown> = {};
		const { duplicates } = processWith(store);
		duplicates.check('d1', T0);

		duplicates.forget('d1', T0 + 10);

		expect(store[DELIVERIES_KEY]).toEqual({});
		expect(processWith(reloaded(store)).duplicates.check('d1', T0 + 20)).toBeNull();
	});

	it('ignores stored entries it cannot read', () => {
		const store: Record<string, unknown> = {
			[DELIVERIES_KEY]: { d1: 'yesterday', d2: null, d3: Math.floor(T0 / 1000) },
		};

		const { duplicates } = processWith(store);

		expect(duplicates.check('d3', T0 + 1_000)).toBe('workflow');
		expect(duplicates.check('d1', T0 + 1_000)).toBeNull();
		expect(processWith({ [DELIVERIES_KEY]: ['d1'] }).duplicates.check('d1', T0)).toBeNull();
	});

	it('still works in process memory where n8n offers no static data', () => {
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), undefined);

		expect(duplicates.check('d1', T0)).toBeNull();
		expect(duplicates.check('d1', T0 + 1)).toBe('process');
	});
});

describe('a window that takes in other processes’ deliveries', () => {
	it('remembers a delivery at the time it was seen elsewhere', () => {
		const window = new DuplicateWindow(60_000);

		window.remember('d1', 1_000, 30_000);

		expect(window.seen('d1', 60_500)).toBe(true);
		expect(window.seen('d1', 61_001)).toBe(false);
	});

	it('keeps the later of two times, and nothing already out of the window', () => {
		const window = new DuplicateWindow(60_000);
		window.seen('d1', 50_000);

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

	it('marks the static data changed again when n8n reads the answer', () => {
		const { root, store } = observedStore();
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), store);
		duplicates.check('d1', T0);
		const answer = keepStaticDataChange(
			{ workflowData: [], webhookResponse: { status: 'accepted', deliveryId: 'd1' } },
			duplicates,
		);

		// What n8n 2.41 does when the execution starts: a second wrapper clears the flag.
		root.changed = false;

		expect(answer.webhookResponse).toEqual({ status: 'accepted', deliveryId: 'd1' });
		expect(root.changed).toBe(true);
		expect(JSON.parse(JSON.stringify(answer))).toEqual({
			workflowData: [],
			webhookResponse: { status: 'accepted', deliveryId: 'd1' },
		});
	});

	it('leaves an answer alone when nothing was written', () => {
		const { root, store } = observedStore();
		const duplicates = new SharedDuplicates(new DuplicateWindow(WINDOW_MS), store);
		const answer = { webhookResponse: { status: 'accepted' } };

		expect(keepStaticDataChange(answer, duplicates)).toBe(answer);
		expect(keepStaticDataChange(answer, null)).toBe(answer);
		expect(root.changed).toBe(false);
	});
});
