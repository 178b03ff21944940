'use strict';

/**
 * In-process benchmark: normalise and route 10,000 mixed, real-shaped Kajabi deliveries, and
 * compare with plain JSON.parse of the same bytes (the least any handler must do). Prints
 * figures; asserts nothing. Run with `npm run bench:inprocess` (builds first).
 */

const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const { normalizeDelivery } = require(
	path.join(ROOT, 'dist/nodes/KajabiTrigger/delivery/normalizeDelivery'),
);
const { routeLead } = require(path.join(ROOT, 'dist/nodes/KajabiCampaignRouter/rules/routeLead'));
const { DEFAULT_CAMPAIGN, FORM_RULES, distinctDeliveries } = require('../lib/distinct-deliveries');

const COUNT = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/** Every delivery distinct: its own person, form and id, as real traffic would be. */
function makeDeliveries(count) {
	return distinctDeliveries(count).map((delivery) => Buffer.from(delivery.text));
}

const routerConfig = {
	conditions: [],
	matchFormBy: 'id',
	rules: FORM_RULES,
	defaultCampaign: DEFAULT_CAMPAIGN,
	itemsWithoutForm: 'defaultCampaign',
};

function jsonParseAll(deliveries) {
	let checksum = 0;
	for (const bytes of deliveries) checksum += JSON.parse(bytes.toString('utf8')) ? 1 : 0;
	return checksum;
}

function normalizeAndRouteAll(deliveries) {
	let routed = 0;
	for (const bytes of deliveries) {
		const result = normalizeDelivery(
			{ rawBody: bytes, contentType: 'application/json', maxBytes: 512 * 1024 },
			{ defaultCountry: 'US' },
		);
		if (!result.ok) throw new Error(`rejected: ${result.rejected.error.code}`);
		if (routeLead(result.lead, routerConfig).campaign) routed += 1;
	}
	return routed;
}

function timeIt(fn, deliveries) {
	const started = performance.now();
	const result = fn(deliveries);
	return { ms: performance.now() - started, result };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const deliveries = makeDeliveries(COUNT);
const bytes = deliveries.reduce((sum, body) => sum + body.length, 0);

// Warm up both paths so the JIT has compiled them before anything is timed.
jsonParseAll(deliveries.slice(0, 2000));
normalizeAndRouteAll(deliveries.slice(0, 2000));

const parseTimes = [];
const pipelineTimes = [];
let routed = 0;
for (let round = 0; round < ROUNDS; round++) {
	parseTimes.push(timeIt(jsonParseAll, deliveries).ms);
	const pipeline = timeIt(normalizeAndRouteAll, deliveries);
	pipelineTimes.push(pipeline.ms);
	routed = pipeline.result;
}

const heapBefore = process.memoryUsage().heapUsed;
normalizeAndRouteAll(deliveries);
const heapAfter = process.memoryUsage().heapUsed;

const parseMs = median(parseTimes);
const pipelineMs = median(pipelineTimes);
const perSecond = (ms) => Math.round((COUNT / ms) * 1000).toLocaleString('en-US');

console.log(
	`Kajabi deliveries: ${COUNT.toLocaleString('en-US')} mixed bodies, ${(bytes / 1024 / 1024).toFixed(1)} MiB, median of ${ROUNDS} rounds`,
);
console.log(
	`node ${process.version} on ${require('node:os').cpus()[0].model} (${require('node:os').cpus().length} cores)`,
);
console.log('');
console.log(
	`JSON.parse only             ${parseMs.toFixed(1).padStart(8)} ms  ${perSecond(parseMs).padStart(10)} bodies/s`,
);
console.log(
	`normalise + route           ${pipelineMs.toFixed(1).padStart(8)} ms  ${perSecond(pipelineMs).padStart(10)} leads/s`,
);
console.log(`ratio (pipeline / parse)    ${(pipelineMs / parseMs).toFixed(2).padStart(8)} x`);
console.log(
	`per delivery                ${((pipelineMs / COUNT) * 1000).toFixed(1).padStart(8)} µs`,
);
console.log(`leads routed to a campaign  ${String(routed).padStart(8)} of ${COUNT}`);
console.log(
	`heap growth over one pass   ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1).padStart(8)} MiB (garbage not yet collected)`,
);
