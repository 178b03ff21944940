'use strict';

/**
 * Posting a delivery to a real n8n, and reading what the example workflow's nodes did from a
 * stored execution (as n8n's public API returns it with its data), for the suites that run the
 * example in a real n8n.
 */

const assert = require('node:assert/strict');

const TRIGGER = 'Kajabi Trigger';
const ROUTER = 'Route to Campaign';
const ENRICH = 'Kajabi: Enrich Lead';

/**
 * How long the Kajabi stand-in takes to answer while "answered at once" is checked: an execution
 * that asks Kajabi anything then ends well after its delivery was taken, so an answer that waited
 * for the workflow would come after the execution's end, while a fast machine or a slow test
 * process cannot reorder the two.
 */
const SLOW_KAJABI_MS = 1_000;

/** Posts one delivery to loopback; `answeredAt` is when the answer's headers arrived. */
async function postDelivery(url, { contentType, body }, { timeoutMs = 10_000 } = {}) {
	if (!new URL(url).hostname.startsWith('127.')) throw new Error(`not loopback: ${url}`);
	const started = Date.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: contentType ? { 'content-type': contentType } : {},
		body,
		signal: AbortSignal.timeout(timeoutMs),
	});
	const answeredAt = Date.now();
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		// left null: the assertions name the status and the text
	}
	return { status: response.status, json, text, ms: Date.now() - started, answeredAt };
}

/**
 * Runs `send(item, index)` for every item with at most `concurrency` in flight, and resolves
 * with the answers in the items' order. Stops with an error after `deadlineMs`.
 */
async function postEach(items, concurrency, send, { deadlineMs = 300_000 } = {}) {
	const answers = new Array(items.length);
	const started = Date.now();
	let next = 0;

	async function lane() {
		while (next < items.length) {
			if (Date.now() - started > deadlineMs) {
				throw new Error(`${next} of ${items.length} sent after ${deadlineMs / 1000} s`);
			}
			const index = next++;
			answers[index] = await send(items[index], index);
		}
	}

	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
	return answers;
}

/** A node's outputs in its first run: one array of items per output. */
function nodeOutput(execution, nodeName) {
	return execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main ?? [];
}

function triggerLead(execution) {
	return nodeOutput(execution, TRIGGER)[0]?.[0]?.json;
}

/** The Router's item and the index of the output it left by. */
function routed(execution) {
	for (const [output, items] of nodeOutput(execution, ROUTER).entries()) {
		if (items?.length) return { output, json: items[0].json };
	}
	return { output: -1, json: undefined };
}

/**
 * Asserts, for each execution whose Enrich Lead asked Kajabi (posted while the stand-in answered
 * after SLOW_KAJABI_MS), that its delivery was answered before the execution ended. Returns how
 * many it checked, and fails when that is under half, so the check cannot pass by checking none.
 */
function assertAnsweredFirst(executions, answerOf) {
	let checked = 0;
	for (const execution of executions) {
		const { enrichment } = nodeOutput(execution, ENRICH)[0]?.[0]?.json ?? {};
		if (!enrichment || enrichment.status === 'skipped') continue;
		const { name, answeredAt } = answerOf(triggerLead(execution).deliveryId);
		assert.ok(
			answeredAt <= Date.parse(execution.stoppedAt),
			`${name}: answered only after its execution finished`,
		);
		checked += 1;
	}
	assert.ok(checked >= executions.length / 2, `only ${checked} executions asked Kajabi`);
	return checked;
}

module.exports = {
	SLOW_KAJABI_MS,
	assertAnsweredFirst,
	nodeOutput,
	postDelivery,
	postEach,
	routed,
	triggerLead,
};
