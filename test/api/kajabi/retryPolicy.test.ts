import {
	backoffDelay,
	decideRetry,
	isRetryable,
	parseRetryAfter,
	type FailedAttempt,
	type RetryPolicy,
} from '../../../nodes/shared/transport/retryPolicy';

const policy: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};

const NOW = Date.parse('2025-03-01T12:00:00Z');

function failure(overrides: Partial<FailedAttempt>): FailedAttempt {
	return {
		attempt: 1,
		method: 'GET',
		status: 429,
		waitedMs: 0,
		now: NOW,
		random: 0.5,
		...overrides,
	};
}

describe('which failures are sent again', () => {
	test.each([429, 502, 503, 504])('%i is retried for a GET and for a POST', (status) => {
		expect(isRetryable(status, 'GET')).toBe(true);
		expect(isRetryable(status, 'POST')).toBe(true);
	});

	test('a 500 is retried for reads and idempotent writes, never for a POST', () => {
		expect(isRetryable(500, 'GET')).toBe(true);
		expect(isRetryable(500, 'PATCH')).toBe(true);
		expect(isRetryable(500, 'DELETE')).toBe(true);
		expect(isRetryable(500, 'POST')).toBe(false);
	});

	test.each([400, 401, 403, 404, 409, 422])('%i is never retried', (status) => {
		expect(isRetryable(status, 'GET')).toBe(false);
	});

	test('a dropped connection is retried for a GET, not for a POST, and nothing else without an answer', () => {
		expect(isRetryable(undefined, 'GET', true)).toBe(true);
		expect(isRetryable(undefined, 'POST', true)).toBe(false);
		expect(isRetryable(undefined, 'GET', false)).toBe(false);
	});
});

describe('Retry-After', () => {
	test('reads delta-seconds', () => {
		expect(parseRetryAfter('7', NOW)).toBe(7_000);
		expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
		expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
	});

	test('reads an HTTP date as the time left until it', () => {
		expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', NOW)).toBe(30_000);
	});

	test('a date already past means no wait', () => {
		expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', NOW)).toBe(0);
	});

	test('an absent or unreadable header is ignored', () => {
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
		expect(parseRetryAfter('', NOW)).toBeUndefined();
		expect(parseRetryAfter('soon', NOW)).toBeUndefined();
		expect(parseRetryAfter('-5', NOW)).toBeUndefined();
	});
});

describe('backoff', () => {
	test('doubles with every attempt, half fixed and half random', () => {
		expect(backoffDelay(1, policy, 0)).toBe(500);
		expect(backoffDelay(1, policy, 0.999999)).toBe(1_000);
		expect(backoffDelay(2, policy, 0)).toBe(1_000);
		expect(backoffDelay(3, policy, 0)).toBe(2_000);
		expect(backoffDelay(4, policy, 1)).toBe(8_000);
	});

	test('never exceeds the longest single wait', () => {
		expect(backoffDelay(20, policy, 1)).toBe(30_000);
		expect(backoffDelay(20, policy, 0)).toBe(15_000);
	});

	test('two clients that fail together do not retry in step', () => {
		expect(backoffDelay(3, policy, 0.1)).not.toBe(backoffDelay(3, policy, 0.9));
	});
});

describe('the decision', () => {
	test('honours Retry-After over the computed backoff', () => {
		expect(decideRetry(failure({ retryAfter: '12' }), policy)).toEqual({
			retry: true,
			delayMs: 12_000,
		});
	});

	test('backs off when no Retry-After comes', () => {
		expect(decideRetry(failure({ status: 503, attempt: 2, random: 0 }), policy)).toEqual({
			retry: true,
			delayMs: 1_000,
		});
	});

	test('gives up after the last attempt', () => {
		expect(decideRetry(failure({ attempt: 5 }), policy)).toEqual({
			retry: false,
			reason: 'attempts_exhausted',
		});
	});

	test('gives up when the wait would pass the total budget, and says how long was asked', () => {
		expect(decideRetry(failure({ retryAfter: '300' }), policy)).toEqual({
			retry: false,
			reason: 'wait_too_long',
			delayMs: 300_000,
		});
		expect(decideRetry(failure({ retryAfter: '30', waitedMs: 100_000 }), policy)).toMatchObject({
			retry: false,
			reason: 'wait_too_long',
		});
	});

	test('does not retry what is not retryable, even with Retry-After', () => {
		expect(decideRetry(failure({ status: 422, retryAfter: '1' }), policy)).toEqual({
			retry: false,
			reason: 'not_retryable',
		});
		expect(decideRetry(failure({ status: 500, method: 'POST' }), policy)).toEqual({
			retry: false,
			reason: 'not_retryable',
		});
	});

	test('the whole schedule of a request that keeps failing stays within the budget', () => {
		let waitedMs = 0;
		const waits: number[] = [];
		for (let attempt = 1; ; attempt += 1) {
			const decision = decideRetry(failure({ status: 503, attempt, waitedMs, random: 1 }), policy);
			if (!decision.retry) break;
			waits.push(decision.delayMs);
			waitedMs += decision.delayMs;
		}
		expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
		expect(waitedMs).toBeLessThanOrEqual(policy.maxTotalWaitMs);
	});
});
