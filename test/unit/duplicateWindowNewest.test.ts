import fc from 'fast-check';

import { DuplicateWindow } from '../../nodes/KajabiTrigger/protection/duplicateWindow';
import { seen } from '../helpers/seen';

const WINDOW_MS = 60_000;
const T0 = 1_750_000_000_000;

/** What `newest` promises, written the plain way: every fresh entry, sorted when cut. */
function newestBySorting(window: DuplicateWindow, limit: number, now: number) {
	const fresh = [...window.entries(now)];
	if (fresh.length <= limit) return fresh;
	return fresh.sort((a, b) => b[1] - a[1]).slice(0, limit);
}

type Step =
	| { kind: 'seen'; id: number; advanceMs: number }
	| { kind: 'remember'; id: number; ageMs: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('seen' as const),
			id: fc.nat({ max: 60 }),
			// Often 0, so several deliveries share one millisecond.
			advanceMs: fc.oneof(fc.constant(0), fc.nat({ max: 5_000 })),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('remember' as const),
			id: fc.nat({ max: 60 }),
			// Whole seconds, as another process stores them; some outside the window.
			ageMs: fc.nat({ max: 80 }).map((seconds) => seconds * 1_000),
		}),
	},
);

describe('DuplicateWindow.newest', () => {
	it('gives what sorting every fresh entry by time would, whatever came before', () => {
		fc.assert(
			fc.property(
				fc.array(step, { maxLength: 120 }),
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 5, max: 50 }),
				(steps, limit, maxEntries) => {
					const window = new DuplicateWindow(WINDOW_MS, maxEntries);
					let now = T0;
					for (const next of steps) {
						if (next.kind === 'seen') {
							now += next.advanceMs;
							seen(window, `d${next.id}`, now);
						} else {
							window.remember(`d${next.id}`, Math.floor(now / 1_000) * 1_000 - next.ageMs, now);
						}
						expect(window.newest(limit, now)).toEqual(newestBySorting(window, limit, now));
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	it('keeps the newest first and, among equal times, the order they came in', () => {
		const window = new DuplicateWindow(WINDOW_MS);
		seen(window, 'a', T0);
		seen(window, 'b', T0 + 10);
		seen(window, 'c', T0 + 10);
		seen(window, 'd', T0 + 20);

		expect(window.newest(3, T0 + 30)).toEqual([
			['d', T0 + 20],
			['b', T0 + 10],
			['c', T0 + 10],
		]);
		expect(window.newest(2, T0 + 30)).toEqual([
			['d', T0 + 20],
			['b', T0 + 10],
		]);
		expect(window.newest(4, T0 + 30)).toEqual([
			['a', T0],
			['b', T0 + 10],
			['c', T0 + 10],
			['d', T0 + 20],
		]);
	});

	it('leaves out deliveries older than the window', () => {
		const window = new DuplicateWindow(WINDOW_MS);
		seen(window, 'old', T0);
		seen(window, 'new', T0 + WINDOW_MS);

		expect(window.newest(10, T0 + WINDOW_MS)).toEqual([['new', T0 + WINDOW_MS]]);
	});
});
