'use strict';

/**
 * Runs one delivery through the built Kajabi Trigger's webhook() in-process (dist/, the code n8n
 * loads), with default settings, and checks its answer on the way: a refusal is a 4xx with a
 * JSON error naming a known code and starts nothing; an acceptance is exactly one item, a valid
 * lead made only of plain data. Throws on anything else; resolves with what the Trigger decided.
 *
 * The context is test/helpers/webhookContext.ts, the one the unit tests use (the reliability
 * suite runs with tsx's loader): the request's bytes are read on demand through readRawBody().
 */

const assert = require('node:assert/strict');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'nodes');
const { KajabiTrigger } = require(path.join(DIST, 'KajabiTrigger', 'KajabiTrigger.node.js'));
const { DELIVERY_ERROR_CODES, leadSchema } = require(path.join(DIST, 'shared', 'lead.js'));
const { webhookContext } = require('../../helpers/webhookContext');

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const trigger = new KajabiTrigger();
let nextNode = 0;

/** Only plain objects and arrays, and no key that could reach a prototype when copied. */
function assertPlainData(value, where) {
	if (value === null || typeof value !== 'object') return;

	const prototype = Object.getPrototypeOf(value);
	assert.ok(
		prototype === Object.prototype || prototype === Array.prototype,
		`${where} is not a plain object or array`,
	);
	for (const key of Reflect.ownKeys(value)) {
		assert.ok(!FORBIDDEN_KEYS.has(String(key)), `${where} has an own "${String(key)}" key`);
		assertPlainData(value[key], `${where}.${String(key)}`);
	}
}

/**
 * @param {{ body: Buffer, contentType: string | null }} delivery
 * @returns {Promise<{ outcome: 'accepted', deliveryId: string, lead: object }
 *   | { outcome: 'rejected', status: number, code: string, deliveryId?: string }>}
 */
async function triggerVerdict(delivery) {
	// Each delivery gets a Trigger of its own, so none is taken for a replay of another.
	const { context, response } = webhookContext({
		body: delivery.body,
		contentType: delivery.contentType,
		workflowId: 'reliability',
		nodeId: `reliability-node-${nextNode++}`,
	});

	const result = await trigger.webhook.call(context);

	if (result.workflowData === undefined) {
		assert.deepEqual(result, { noWebhookResponse: true }, 'a refusal answers by itself');
		assert.ok(
			response.statusCode >= 400 && response.statusCode < 500,
			`refused with ${response.statusCode}`,
		);
		const answer = JSON.parse(JSON.stringify(response.body));
		assert.ok(
			DELIVERY_ERROR_CODES.includes(answer.error?.code),
			`unknown error code ${answer.error?.code}`,
		);
		assert.equal(typeof answer.error.message, 'string');
		assert.ok(answer.error.message.length > 10, 'the error says what is wrong');
		return {
			outcome: 'rejected',
			status: response.statusCode,
			code: answer.error.code,
			deliveryId: answer.deliveryId,
		};
	}

	assert.equal(response.body, undefined, 'an accepted delivery leaves the answer to n8n');
	assert.equal(result.workflowData.length, 1, 'one output');
	assert.equal(result.workflowData[0].length, 1, 'exactly one item');
	const lead = result.workflowData[0][0].json;
	const parsed = leadSchema.safeParse(lead);
	assert.ok(
		parsed.success,
		`the lead fails its schema: ${JSON.stringify(parsed.error?.issues[0])}`,
	);

	// n8n stores the item as JSON: it must come back the same.
	assert.deepEqual(JSON.parse(JSON.stringify(lead)), lead);
	assertPlainData(lead, 'lead');
	assert.deepEqual(result.webhookResponse, {
		status: 'accepted',
		deliveryId: lead.deliveryId,
		event: lead.event,
	});
	return { outcome: 'accepted', deliveryId: lead.deliveryId, lead };
}

module.exports = { triggerVerdict };
