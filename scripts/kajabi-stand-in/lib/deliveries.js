'use strict';

/**
 * Webhook deliveries: one POST of a JSON body to a target URL, retried on network errors,
 * timeouts, 429 and 5xx. Only loopback http URLs are ever contacted; any other target is
 * recorded as refused. Kajabi documents no retry policy, timeout or ordering, so the numbers
 * here (3 attempts, 5 s each, short backoff) are the stand-in's own.
 */

const http = require('node:http');

const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_REPEAT = 10;

function isLoopbackUrl(target) {
	let url;
	try {
		url = new URL(target);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:') return false;

	const host = url.hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function retryable(outcome) {
	return outcome.statusCode === null || outcome.statusCode === 429 || outcome.statusCode >= 500;
}

class Deliveries {
	constructor({ attempts = 3, timeoutMs = 5000, backoffMs = 100 } = {}) {
		this.attempts = attempts;
		this.timeoutMs = timeoutMs;
		this.backoffMs = backoffMs;
		this.repeat = 1;
		this.records = [];
		this.inFlight = new Set();
		this.requests = new Set();
		this.timers = new Map();
		this.closed = false;
	}

	setRepeat(times) {
		const number = Number(times);
		if (!Number.isInteger(number) || number < 1 || number > MAX_REPEAT) {
			throw new RangeError(`times must be an integer from 1 to ${MAX_REPEAT}, got ${times}`);
		}
		this.repeat = number;
	}

	/**
	 * Sends `body` to `target` (as many times as the repeat setting says) and returns the
	 * delivery records at once; each record fills in as its attempts finish.
	 */
	send({ target, body, event, kind, hookId = null, repeat = this.repeat }) {
		const records = [];
		for (let copy = 1; copy <= repeat; copy += 1) {
			const record = {
				id: this.records.length + 1,
				kind,
				hookId,
				event,
				target,
				copy,
				copies: repeat,
				state: 'pending',
				statusCode: null,
				attempts: 0,
				answers: [],
				ok: false,
				error: null,
				body,
				startedAt: new Date().toISOString(),
				finishedAt: null,
				redeliveryOf: null,
			};
			this.records.push(record);
			records.push(record);
			this.track(this.run(record));
		}
		return records;
	}

	/**
	 * Sends the failed deliveries among `ids` again, each as a new record with `redeliveryOf`
	 * set, the way a sender retries later what a receiver did not take. Kajabi publishes no
	 * retry policy; tests call this to stand for whatever retry it makes.
	 */
	redeliver(ids) {
		const wanted = new Set(ids);
		const failed = this.records.filter(
			(record) => wanted.has(record.id) && record.state === 'failed',
		);
		return failed.map((original) => {
			const [record] = this.send({ ...original, repeat: 1 });
			record.redeliveryOf = original.id;
			return record;
		});
	}

	track(promise) {
		this.inFlight.add(promise);
		promise.finally(() => this.inFlight.delete(promise));
	}

	async run(record) {
		if (!isLoopbackUrl(record.target)) {
			this.finish(record, 'refused', {
				error: 'refused: the stand-in only delivers to loopback http URLs',
			});
			return;
		}

		for (let attempt = 1; attempt <= this.attempts && !this.closed; attempt += 1) {
			record.attempts = attempt;
			const outcome = await this.post(record.target, record.body);
			record.answers.push(outcome.statusCode);
			record.statusCode = outcome.statusCode;
			record.error = outcome.error;
			if (!retryable(outcome) || attempt === this.attempts) break;
			await this.sleep(this.backoffMs * 2 ** (attempt - 1));
		}

		const ok = record.statusCode !== null && record.statusCode >= 200 && record.statusCode < 300;
		this.finish(record, ok ? 'delivered' : 'failed', { ok });
	}

	finish(record, state, { ok = false, error = record.error } = {}) {
		record.state = state;
		record.ok = ok;
		record.error = error;
		record.finishedAt = new Date().toISOString();
	}

	post(target, body) {
		const payload = Buffer.from(JSON.stringify(body));
		return new Promise((resolve) => {
			const request = http.request(target, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'content-length': payload.length,
					'user-agent': 'kajabi-stand-in',
				},
				timeout: this.timeoutMs,
			});
			this.requests.add(request);
			const settle = (outcome) => {
				this.requests.delete(request);
				resolve(outcome);
			};

			request.on('response', (response) => {
				let received = 0;
				response.on('data', (chunk) => {
					received += chunk.length;
					if (received > MAX_RESPONSE_BYTES) response.destroy();
				});
				response.on('close', () => settle({ statusCode: response.statusCode, error: null }));
			});
			request.on('timeout', () =>
				request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)),
			);
			request.on('error', (error) => settle({ statusCode: null, error: error.message }));
			request.end(payload);
		});
	}

	/** A pause that ends early, and at once, when the stand-in closes. */
	sleep(ms) {
		if (this.closed) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.set(timer, resolve);
		});
	}

	/** Resolves when no delivery is under way (or after `timeoutMs`, with what is known then). */
	async idle({ timeoutMs = 15_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		while (this.inFlight.size > 0 && Date.now() < deadline) {
			await Promise.race([Promise.allSettled([...this.inFlight]), this.sleep(50)]);
		}
		return this.records;
	}

	/** Resolves once `count` finished deliveries match `filter`, or rejects after the timeout. */
	async waitFor(count, { filter = () => true, timeoutMs = 15_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		const done = () =>
			this.records.filter((record) => record.state !== 'pending' && filter(record));
		while (done().length < count) {
			if (Date.now() >= deadline || this.closed) {
				throw new Error(`${done().length} of ${count} deliveries finished within ${timeoutMs} ms`);
			}
			await this.sleep(20);
		}
		return done();
	}

	close() {
		this.closed = true;
		for (const [timer, resolve] of this.timers) {
			clearTimeout(timer);
			resolve();
		}
		this.timers.clear();
		for (const request of this.requests) request.destroy(new Error('stand-in closed'));
		this.requests.clear();
	}
}

module.exports = { Deliveries, isLoopbackUrl };
