'use strict';

/** POSTs to loopback, one at a time or many at once, each bounded in time. */

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * @param {string} url
 * @param {{ body: Buffer | string, contentType: string | null }} delivery
 * @returns {Promise<{ status: number, json: any, text: string }>}
 */
async function post(url, { body, contentType }) {
	if (!new URL(url).hostname.startsWith('127.')) throw new Error(`not loopback: ${url}`);
	const response = await fetch(url, {
		method: 'POST',
		headers: contentType === null ? {} : { 'content-type': contentType },
		body,
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	});
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		// left null: the callers check that answers are JSON
	}
	return { status: response.status, json, text };
}

/**
 * Runs `send(item, index)` for every item with at most `concurrency` in flight, and resolves
 * with the answers in the items' order. Stops with an error after `deadlineMs`.
 */
async function postAll(items, concurrency, send, { deadlineMs = 300_000 } = {}) {
	const answers = new Array(items.length);
	const started = Date.now();
	let next = 0;

	async function worker() {
		while (next < items.length) {
			if (Date.now() - started > deadlineMs) {
				throw new Error(`${next} of ${items.length} sent after ${deadlineMs / 1000} s`);
			}
			const index = next++;
			answers[index] = await send(items[index], index);
		}
	}

	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	return answers;
}

module.exports = { post, postAll };
