'use strict';

/**
 * Fault injection and counters for the API side: a request budget per window (429 with
 * Retry-After beyond it), a burst of 5xx answers, added latency, and "API down" (503 or a
 * refused connection). Kajabi publishes no rate-limit numbers, headers or 429 body, so the
 * budget and the 429 shape here are the stand-in's own.
 */

const MAX_LATENCY_MS = 60_000;
const MAX_BURST = 10_000;

function boundedInteger(value, { min, max, name }) {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
	}
	return number;
}

class Faults {
	constructor({ now = Date.now } = {}) {
		this.now = now;
		this.reset();
		this.resetCounters();
	}

	reset() {
		this.rateLimit = null;
		this.burst = null;
		this.latencyMs = 0;
		this.downMode = null;
	}

	resetCounters() {
		this.counters = {
			requests: 0,
			requestsByPath: {},
			requestsByOperation: {},
			tokenRequests: 0,
			rateLimited: 0,
			injectedFailures: 0,
			unavailable: 0,
		};
	}

	setRateLimit({ limit, windowSeconds = 60 }) {
		this.rateLimit = {
			limit: boundedInteger(limit, { min: 0, max: 1_000_000, name: 'limit' }),
			windowMs:
				boundedInteger(windowSeconds, { min: 1, max: 86_400, name: 'windowSeconds' }) * 1000,
			windowStart: this.now(),
			used: 0,
		};
	}

	clearRateLimit() {
		this.rateLimit = null;
	}

	failNext({ count, status = 503, pathPrefix = '/v1/' }) {
		this.burst = {
			remaining: boundedInteger(count, { min: 0, max: MAX_BURST, name: 'count' }),
			status: boundedInteger(status, { min: 500, max: 599, name: 'status' }),
			pathPrefix: String(pathPrefix),
		};
	}

	setLatency(ms) {
		this.latencyMs = boundedInteger(ms, { min: 0, max: MAX_LATENCY_MS, name: 'ms' });
	}

	count(method, pathname, operation) {
		const pathKey = `${method} ${pathname}`;
		this.counters.requests += 1;
		this.counters.requestsByPath[pathKey] = (this.counters.requestsByPath[pathKey] ?? 0) + 1;
		if (operation) {
			const byOperation = this.counters.requestsByOperation;
			byOperation[operation] = (byOperation[operation] ?? 0) + 1;
		}
		if (pathname === '/v1/oauth/token') this.counters.tokenRequests += 1;
	}

	/** Seconds until the budget frees up when this request is over it, else null. */
	overBudget() {
		const limit = this.rateLimit;
		if (!limit) return null;

		const now = this.now();
		if (now - limit.windowStart >= limit.windowMs) {
			limit.windowStart = now;
			limit.used = 0;
		}
		if (limit.used < limit.limit) {
			limit.used += 1;
			return null;
		}
		this.counters.rateLimited += 1;
		return Math.max(1, Math.ceil((limit.windowStart + limit.windowMs - now) / 1000));
	}

	/** The 5xx status to answer with when a burst is under way for this path, else null. */
	injectedFailure(pathname) {
		const burst = this.burst;
		if (!burst || burst.remaining <= 0 || !pathname.startsWith(burst.pathPrefix)) return null;

		burst.remaining -= 1;
		this.counters.injectedFailures += 1;
		return burst.status;
	}

	snapshot() {
		return {
			rateLimit: this.rateLimit && {
				limit: this.rateLimit.limit,
				windowSeconds: this.rateLimit.windowMs / 1000,
				used: this.rateLimit.used,
			},
			failuresPending: this.burst?.remaining ?? 0,
			latencyMs: this.latencyMs,
			down: this.downMode,
		};
	}
}

module.exports = { Faults };
