'use strict';

/**
 * Posting a delivery to a real n8n, and reading what the example workflow's nodes did from a
 * stored execution (as n8n's public API returns it with its data), for the suites that run the
 * example in a real n8n.
 */

const TRIGGER = 'Kajabi Trigger';
const ROUTER = 'Route to Campaign';

/** Posts one delivery; `answeredAt` is when the answer's headers arrived. */
async function postDelivery(url, { contentType, body }, { timeoutMs = 10_000 } = {}) {
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

module.exports = { nodeOutput, postDelivery, routed, triggerLead };
