'use strict';

/**
 * The Kajabi Trigger against generated hostile bodies, in-process: webhook() never throws; it
 * refuses with a 4xx and a JSON error and starts nothing, or starts exactly one valid lead; and
 * nothing a body carries reaches a built-in prototype. KAJABI_HOSTILE_RUNS (600) and
 * KAJABI_HOSTILE_SEED change the run.
 */

const assert = require('node:assert/strict');
const { test } = require('node:test');

const fc = require('fast-check');

const { HOSTILE_SEED, hostileDelivery } = require('./support/hostileDeliveries');
const { triggerVerdict } = require('./support/triggerVerdict');

const RUNS = Number(process.env.KAJABI_HOSTILE_RUNS ?? 600);

const BUILT_IN_PROTOTYPES = [
	Object.prototype,
	Array.prototype,
	Function.prototype,
	String.prototype,
	Number.prototype,
];
const prototypeKeys = () =>
	BUILT_IN_PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).map(String).sort().join(','));

test(`${RUNS} hostile bodies: no crash, a 4xx JSON error or one valid lead, no prototype pollution`, async () => {
	const before = prototypeKeys();
	const outcomes = { accepted: 0, rejected: 0 };
	const codes = {};

	await fc.assert(
		fc.asyncProperty(hostileDelivery, async (delivery) => {
			const verdict = await triggerVerdict(delivery);
			outcomes[verdict.outcome] += 1;
			if (verdict.outcome === 'rejected') codes[verdict.code] = (codes[verdict.code] ?? 0) + 1;

			assert.deepEqual(prototypeKeys(), before, 'a built-in prototype gained or lost a key');
			assert.equal({}.polluted, undefined);
			assert.equal([].polluted, undefined);
		}),
		{
			numRuns: RUNS,
			seed: HOSTILE_SEED,
			// Bounded in time too; running out of time fails the test rather than passing it.
			interruptAfterTimeLimit: 180_000,
			markInterruptAsFailure: true,
		},
	);

	// The generator must reach both sides, or the property above proves little.
	assert.ok(outcomes.accepted >= RUNS / 10, `only ${outcomes.accepted} bodies were accepted`);
	assert.ok(outcomes.rejected >= RUNS / 10, `only ${outcomes.rejected} bodies were rejected`);
	for (const code of ['empty_body', 'not_json', 'too_large', 'unknown_shape', 'missing_email']) {
		assert.ok(codes[code] > 0, `no generated body was rejected as ${code}`);
	}
	process.stderr.write(
		`[hostile] ${outcomes.accepted} accepted, ${outcomes.rejected} rejected ${JSON.stringify(codes)}\n`,
	);
});
