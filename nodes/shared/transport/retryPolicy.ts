/**
 * When to send a Kajabi request again, and after how long. Pure: the caller measures time,
 * draws the random number and sleeps.
 *
 * Kajabi says rate limits exist but publishes no numbers, headers or 429 body, so 429 and
 * 5xx answers are retried with exponential backoff and jitter, and a `Retry-After` header is
 * honoured whenever one comes.
 */

export interface RetryPolicy {
	/** Tries in all, the first one included. */
	maxAttempts: number;
	/** The backoff before the second try; it doubles for every try after that. */
	baseDelayMs: number;
	/** The longest single backoff computed here (a server's `Retry-After` may ask for more). */
	maxDelayMs: number;
	/** The most time one request may spend waiting between its tries. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};

export interface FailedAttempt {
	/** 1 for the first try. */
	attempt: number;
	method: string;
	/** The HTTP status, or undefined when no answer came (connection reset, timeout). */
	status?: number;
	/** The `Retry-After` header as Kajabi sent it. */
	retryAfter?: string;
	/** Whether the failure was a dropped connection or timeout rather than an answer. */
	transportFailure?: boolean;
	/** Milliseconds already spent waiting for this request. */
	waitedMs: number;
	/** The current time, for `Retry-After` given as an HTTP date. */
	now: number;
	/** A number in [0, 1) for the jitter. */
	random: number;
}

export type RetryDecision =
	| { retry: true; delayMs: number }
	| {
			retry: false;
			reason: 'not_retryable' | 'attempts_exhausted' | 'wait_too_long';
			/** The wait that would have been needed, when the reason is `wait_too_long`. */
			delayMs?: number;
	  };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

/**
 * 429 and the gateway errors mean Kajabi did not act on the request, so any method may be sent
 * again. A 500 (or a dropped connection) after a POST may come after the work was done: sending
 * it again could create a second contact or send a second welcome email.
 */
export function isRetryable(
	status: number | undefined,
	method: string,
	transportFailure = false,
): boolean {
	const idempotent = IDEMPOTENT_METHODS.has(method.toUpperCase());
	if (status === undefined) return transportFailure && idempotent;
	if (status === 429 || status === 502 || status === 503 || status === 504) return true;
	return status >= 500 && status <= 599 && idempotent;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;

	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);

	// An HTTP date names its weekday and month: "Sat, 01 Mar 2025 12:00:30 GMT".
	const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half the step is fixed, half is random. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (step / 2) * random);
}

export function decideRetry(failure: FailedAttempt, policy: RetryPolicy): RetryDecision {
	if (!isRetryable(failure.status, failure.method, failure.transportFailure)) {
		return { retry: false, reason: 'not_retryable' };
	}
	if (failure.attempt >= policy.maxAttempts) {
		return { retry: false, reason: 'attempts_exhausted' };
	}

	const askedFor = parseRetryAfter(failure.retryAfter, failure.now);
	const delayMs = askedFor ?? backoffDelay(failure.attempt, policy, failure.random);
	if (failure.waitedMs + delayMs > policy.maxTotalWaitMs) {
		return { retry: false, reason: 'wait_too_long', delayMs };
	}
	return { retry: true, delayMs };
}
