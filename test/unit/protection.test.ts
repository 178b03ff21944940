import {
	DuplicateWindow,
	duplicateWindowFor,
} from '../../nodes/KajabiTrigger/protection/duplicateWindow';
import { firstValue, secretMatches } from '../../nodes/KajabiTrigger/protection/secret';
import { seen } from '../helpers/seen';

describe('shared secret', () => {
	it('matches the same secret only', () => {
		expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true);
		expect(secretMatches('s3cret-valuf', 's3cret-value')).toBe(false);
		expect(secretMatches('s3cret', 's3cret-value')).toBe(false);
		expect(secretMatches('', 's3cret-value')).toBe(false);
	});

	it('refuses a missing or non-string secret', () => {
		expect(secretMatches(undefined, 'x')).toBe(false);
		expect(secretMatches(null, 'x')).toBe(false);
	});

	it('reads the first of repeated query parameters or headers', () => {
		expect(firstValue(['a', 'b'])).toBe('a');
		expect(firstValue('a')).toBe('a');
		expect(firstValue({ nested: 'a' })).toBeNull();
		expect(firstValue(undefined)).toBeNull();
	});
});

describe('duplicate window', () => {
	it('reports a delivery seen within the window', () => {
		const window = new DuplicateWindow(60_000);

		expect(seen(window, 'd1', 1_000)).toBe(false);
		expect(seen(window, 'd1', 30_000)).toBe(true);
		expect(seen(window, 'd2', 30_000)).toBe(false);
	});

	it('lets the same delivery through again once the window has passed', () => {
		const window = new DuplicateWindow(60_000);

		seen(window, 'd1', 0);

		expect(seen(window, 'd1', 60_000)).toBe(false);
		expect(seen(window, 'd1', 60_001)).toBe(true);
	});

	it('forgets expired ids so memory follows the traffic of one window', () => {
		const window = new DuplicateWindow(1_000);
		for (let i = 0; i < 500; i++) seen(window, `old-${i}`, 0);

		seen(window, 'new', 5_000);

		expect(window.size).toBe(1);
	});

	it('never holds more than its bound, forgetting the oldest first', () => {
		const window = new DuplicateWindow(3_600_000, 100);
		for (let i = 0; i < 1_000; i++) seen(window, `d${i}`, i);

		expect(window.size).toBe(100);
		expect(seen(window, 'd999', 2_000)).toBe(true);
		expect(seen(window, 'd0', 2_000)).toBe(false);
	});

	it('keeps one window per trigger, and a new one when its length changes', () => {
		const first = duplicateWindowFor('wf1:node1', 60_000);

		expect(duplicateWindowFor('wf1:node1', 60_000)).toBe(first);
		expect(duplicateWindowFor('wf1:node2', 60_000)).not.toBe(first);
		expect(duplicateWindowFor('wf1:node1', 120_000)).not.toBe(first);
	});
});
