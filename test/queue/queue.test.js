'use strict';

/**
 * The example workflow's loopback variant on n8n 2.41.1 in queue mode: PostgreSQL, Redis, one
 * main process (which activates the workflow and registers the Kajabi hooks), two webhook
 * processes that take the production deliveries, and two workers that run the executions.
 * Kajabi bodies, a burst of distinct deliveries and replays across both webhook processes and
 * a restart are posted, and the executions and the capture server are checked. Run with
 * `node scripts/queue-mode/test.js` (builds first). Nothing leaves 127.0.0.1.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');

const { startCaptureServer } = require('../../scripts/lib/capture-server');
const {
	SLOW_KAJABI_MS,
	assertAnsweredFirst,
	postDelivery,
	postEach,
	routed,
	triggerLead,
} = require('../helpers/exampleRuns');
const { distinctDeliveries } = require('../../scripts/lib/distinct-deliveries');
const {
	STAND_IN_ACCOUNT,
	contactByEmail,
	hooksFor,
	importKajabiCredential,
	startKajabiAccount,
	submitKajabiForm,
} = require('../../scripts/lib/kajabi-account');
const { exampleDeliveries } = require('../../scripts/lib/deliveries');
const { REPO_ROOT, ensureN8nInstalled } = require('../../scripts/lib/n8n-server');
const { N8nQueueCluster } = require('../../scripts/lib/n8n-queue');
const { loopbackVariant, triggerUrl } = require('../../scripts/lib/workflow-variant');
// The suite builds the package first (scripts/queue-mode/test.js).
const { readStoredDeliveries } = require(
	path.join(REPO_ROOT, 'dist', 'nodes', 'KajabiTrigger', 'protection', 'sharedDuplicates'),
);

/** The delivery ids the trigger's static data holds. */
const storedDeliveryIds = (data) => readStoredDeliveries(data.kajabiDeliveries).map(([id]) => id);

const BURST = Number(process.env.KAJABI_QUEUE_BURST ?? 300);
const BURST_CONCURRENCY = 20;
const REPLAYED = 60;
const TRIGGER = 'Kajabi Trigger';
const TRIGGER_KEY = `node:${TRIGGER}`;
const OUTPUT_OF_CAMPAIGN = { upsell: 0, webinar: 1, 'free-guide': 2, newsletter: 3 };

const example = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'kajabi-lead-routing.json'), 'utf8'),
);
const KAJABI_EVENTS = example.nodes.find((node) => node.name === TRIGGER).parameters.events;

const log = (message) => process.stderr.write(`[queue] ${message}\n`);
const figures = {};
let capture;
let kajabi;
let cluster;
let variant;
let ready = false;
let failures = 0;

/** Distinct deliveries of the events the example listens to (it drops tag changes). */
function leadDeliveries(count, start) {
	return distinctDeliveries(count * 2, { start })
		.filter((delivery) => !/^tag_/.test(delivery.body.event ?? ''))
		.slice(0, count);
}

function spec(name, fn, timeoutMs = 180_000) {
	test(name, { timeout: timeoutMs }, async (context) => {
		try {
			await fn(context);
		} catch (error) {
			failures += 1;
			throw error;
		}
	});
}

const post = (url, { contentType = 'application/json', body }) =>
	postDelivery(url, { contentType, body }, { timeoutMs: 30_000 });

function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Executions of the variant by state, read straight from PostgreSQL (cheap for hundreds). */
async function executionCounts() {
	const rows = await cluster.query(
		'select status, count(*)::int as count from execution_entity where "workflowId" = $1 ' +
			'group by status',
		[variant.id],
	);
	return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** Executions of the variant so far, whatever their status. */
async function executionTotal() {
	return Object.values(await executionCounts()).reduce((sum, n) => sum + n, 0);
}

/**
 * A point to count from: asserts, once the work since has settled, that exactly `added`
 * executions succeeded and as many leads reached the audit log.
 */
async function countingFrom() {
	const before = await executionTotal();
	const auditsBefore = capture.requests('/audit').length;
	return {
		async expectLeads(added) {
			const counts = await waitForFinished(before + added, { settleMs: 3_000 });
			assert.equal(counts.success, before + added, JSON.stringify(counts));
			if (added > 0) await capture.waitFor('/audit', auditsBefore + added, { timeoutMs: 60_000 });
			assert.equal(capture.requests('/audit').length, auditsBefore + added);
		},
	};
}

async function waitForFinished(total, { timeoutMs = 300_000, settleMs = 0 } = {}) {
	const started = Date.now();
	for (;;) {
		const counts = await executionCounts();
		const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
		const unfinished = (counts.new ?? 0) + (counts.running ?? 0) + (counts.waiting ?? 0);
		if (all >= total && unfinished === 0) {
			if (settleMs > 0) {
				await new Promise((resolve) => setTimeout(resolve, settleMs));
				return executionCounts();
			}
			return counts;
		}
		if (Date.now() - started > timeoutMs) {
			throw new Error(
				`${all - unfinished} of ${total} executions finished: ${JSON.stringify(counts)}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The trigger's node static data as the database holds it now. */
async function triggerStaticData() {
	const [row] = await cluster.query('select "staticData" from workflow_entity where id = $1', [
		variant.id,
	]);
	return {
		data: row?.staticData?.[TRIGGER_KEY] ?? {},
		bytes: JSON.stringify(row?.staticData ?? {}).length,
	};
}

/** Deliveries by delivery id from the audit log's capture: one entry per lead that went through. */
function auditsByDelivery() {
	const counts = new Map();
	for (const request of capture.requests('/audit')) {
		counts.set(request.body.deliveryId, (counts.get(request.body.deliveryId) ?? 0) + 1);
	}
	return counts;
}

before(
	async () => {
		const install = ensureN8nInstalled({ log });
		capture = await startCaptureServer();
		kajabi = await startKajabiAccount({ log });
		variant = loopbackVariant(example, capture.url, { kajabi: STAND_IN_ACCOUNT });

		fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
		const folder = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'queue-'));
		cluster = new N8nQueueCluster({ install, folder, log });
		log(`cluster folder (logs, databases): ${folder}`);
		await cluster.start({
			prepare: (main) => {
				importKajabiCredential(main, kajabi.url);
				main.importWorkflows([variant]);
			},
			publish: [variant.id],
		});
		figures.start = cluster.timings;
		ready = true;
	},
	{ timeout: 25 * 60_000 },
);

after(async () => {
	await cluster?.stop();
	await capture?.stop();
	await kajabi?.close();
	log(`figures: ${JSON.stringify(figures)}`);
	if (!cluster) return;
	if (ready && failures === 0) {
		cluster.removeFolder();
		return;
	}
	log(`kept for a look: ${cluster.logs().join(' ')}`);
});

spec(
	'every process is up: main, two webhook processes and two workers, on Postgres and Redis',
	async () => {
		assert.equal(cluster.webhooks.length, 2);
		assert.equal(cluster.workers.length, 2);
		for (const worker of cluster.workers) {
			assert.match(worker.logText(), /n8n worker is now ready/);
		}
		for (const [index, port] of cluster.ports.workerHealth.entries()) {
			const health = await fetch(`http://127.0.0.1:${port}/healthz`);
			assert.equal(health.status, 200, `worker ${index + 1} health`);
		}
		const [{ type }] = await cluster.query(
			"select 'postgres' as type from pg_tables where tablename = 'workflow_entity'",
		);
		assert.equal(type, 'postgres');

		const mainLog = fs.readFileSync(cluster.main.logFile, 'utf8');
		assert.ok(mainLog.includes(`Activated workflow "${variant.name}"`), 'workflow not activated');
		for (const file of cluster.logs()) {
			assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /unrecognized node type/i, file);
		}
	},
);

spec('the main process registered the Kajabi hooks for the webhook process URL', () => {
	const url = triggerUrl(variant, cluster.webhookUrls[0]);
	const hooks = hooksFor(kajabi, url);
	assert.deepEqual(hooks.map((hook) => hook.attributes.event).sort(), [...KAJABI_EVENTS].sort());
	assert.equal(kajabi.state.hooks.length, KAJABI_EVENTS.length, 'a hook for another URL exists');
});

spec(
	'production webhooks are served by the webhook processes, not by the main process',
	async () => {
		const [delivery] = exampleDeliveries();
		const atMain = await post(triggerUrl(variant, cluster.main.baseUrl), delivery);
		assert.equal(atMain.status, 404, atMain.text.slice(0, 200));
		assert.equal(await executionCounts().then((c) => Object.keys(c).length), 0);
	},
);

spec(
	'every Kajabi body shape posted to a webhook process starts one execution, on a worker',
	async () => {
		const deliveries = exampleDeliveries();
		const answers = new Map();
		// The webhook process answers once the job is queued, not when the worker is done.
		kajabi.control.setLatency(SLOW_KAJABI_MS);
		try {
			for (const [index, delivery] of deliveries.entries()) {
				const base = cluster.webhookUrls[index % 2];
				const answer = await post(triggerUrl(variant, base), delivery);
				assert.equal(answer.status, 200, `${delivery.name}: ${answer.text}`);
				assert.equal(answer.json?.status, 'accepted', `${delivery.name}: ${answer.text}`);
				answers.set(answer.json.deliveryId, { ...delivery, answeredAt: answer.answeredAt });
			}
			assert.equal(answers.size, deliveries.length);
			await waitForFinished(answers.size);
		} finally {
			kajabi.control.setLatency(0);
		}
		const executions = await cluster.main.listExecutions(variant.id);
		assert.equal(executions.length, answers.size);
		const ranOnWorkers = cluster.executionsByWorker();
		for (const execution of executions) {
			assert.equal(execution.status, 'success', `execution ${execution.id}: ${execution.status}`);
			assert.ok(
				ranOnWorkers.some((ids) => ids.has(execution.id)),
				`execution ${execution.id} was not run by a worker`,
			);
			const lead = triggerLead(execution);
			const delivery = answers.get(lead?.deliveryId);
			assert.ok(delivery, `execution ${execution.id} has no lead from a posted delivery`);
			assert.equal(lead.event, delivery.expect.event, delivery.name);
			assert.equal(lead.contact.email, delivery.expect.email, delivery.name);

			const { output, json } = routed(execution);
			assert.equal(json?.campaign, delivery.expect.campaign, delivery.name);
			assert.equal(output, OUTPUT_OF_CAMPAIGN[delivery.expect.campaign], delivery.name);
		}
		const askedKajabi = assertAnsweredFirst(executions, (id) => answers.get(id));
		log(`${askedKajabi} of ${answers.size} executions asked Kajabi; each answered before it ended`);

		await capture.waitFor('/audit', answers.size, { timeoutMs: 60_000 });
		for (const [deliveryId, { name, expect }] of answers) {
			const clay = capture.requests('/clay').filter((r) => r.body.deliveryId === deliveryId);
			assert.equal(clay.length, 1, `${name}: Clay got ${clay.length}`);
			assert.equal(clay[0].body.email, expect.email, name);
			const airtable = capture
				.requests('/airtable')
				.filter((r) => r.body.records[0].fields['Kajabi Delivery ID'] === deliveryId);
			assert.equal(airtable.length, 1, `${name}: Airtable got ${airtable.length}`);
			assert.equal(airtable[0].body.records[0].fields.Campaign, expect.campaign, name);
		}
	},
);

spec(
	'a Kajabi form submission goes the whole loop, and the trigger keeps its static data',
	async () => {
		const auditsBefore = capture.requests('/audit').length;
		const email = 'ava.martinez@example.com';
		kajabi.control.clearDeliveries();
		await submitKajabiForm(kajabi.url, '2001', { name: 'Ava Martinez', email });
		const [delivery] = await kajabi.control.waitForDeliveries(1, {
			filter: (record) => record.event === 'form_submission',
		});
		assert.equal(delivery.statusCode, 200, `the webhook process answered ${delivery.statusCode}`);

		await kajabi.control.idle();
		await capture.waitFor('/audit', auditsBefore + 1, { timeoutMs: 60_000 });
		const audit = capture.requests('/audit').at(-1);
		assert.equal(audit.body.taggedInKajabi, true);
		assert.equal(audit.body.customerStatus, 'customer');
		assert.ok(contactByEmail(kajabi, email).tagIds.includes(STAND_IN_ACCOUNT.routedTagId));

		// Enrich Lead read tag names on a worker; the worker's save must not have wiped the trigger's
		// hooks or its deliveries.
		await waitForFinished(0);
		const { data } = await triggerStaticData();
		const hookUrl = triggerUrl(variant, cluster.webhookUrls[0]);
		assert.equal(Object.keys(data.kajabiHooks?.[hookUrl] ?? {}).length, KAJABI_EVENTS.length);
		assert.ok(
			storedDeliveryIds(data).includes(audit.body.deliveryId),
			'delivery not in static data',
		);
	},
);

spec(
	`a burst of ${BURST} distinct deliveries over both webhook processes makes ${BURST} leads`,
	async () => {
		const deliveries = leadDeliveries(BURST, 10_000);
		const before = await executionTotal();
		const auditsBefore = capture.requests('/audit').length;

		const started = Date.now();
		const answers = await postEach(deliveries, BURST_CONCURRENCY, (delivery, index) =>
			post(triggerUrl(variant, cluster.webhookUrls[index % 2]), { body: delivery.text }),
		);
		const postSeconds = (Date.now() - started) / 1000;
		const refused = answers.filter((a) => a.status !== 200 || a.json?.status !== 'accepted');
		assert.deepEqual(refused.map((a) => `${a.status} ${a.text}`).slice(0, 5), []);

		const counts = await waitForFinished(before + BURST, { settleMs: 2_000 });
		const doneSeconds = (Date.now() - started) / 1000;
		assert.equal(counts.success, before + BURST, JSON.stringify(counts));
		await capture.waitFor('/audit', auditsBefore + BURST, { timeoutMs: 120_000 });
		const audits = auditsByDelivery();
		for (const answer of answers) assert.equal(audits.get(answer.json.deliveryId), 1);
		assert.equal(capture.requests('/audit').length, auditsBefore + BURST);

		const perWorker = cluster.executionsByWorker().map((ids) => ids.size);
		assert.ok(
			perWorker.every((n) => n > 0),
			`a worker ran nothing: ${perWorker}`,
		);

		const { data, bytes } = await triggerStaticData();
		const stored = storedDeliveryIds(data);
		const missing = answers.filter((a) => !stored.includes(a.json.deliveryId)).length;
		assert.ok(stored.length <= 1_000, `static data holds ${stored.length} deliveries`);
		const ms = answers.map((a) => a.ms);
		figures.burst = {
			deliveries: BURST,
			concurrency: BURST_CONCURRENCY,
			postSeconds,
			allExecutedSeconds: doneSeconds,
			answerP50Ms: percentile(ms, 50),
			answerP95Ms: percentile(ms, 95),
			answerMaxMs: Math.max(...ms),
			executionsPerWorker: perWorker,
			storedDeliveries: stored.length,
			burstDeliveriesMissingFromStaticData: missing,
			staticDataBytes: bytes,
		};
		log(`burst: ${JSON.stringify(figures.burst)}`);
	},
	600_000,
);

spec('each delivery posted 3 times, to both webhook processes, still makes one lead', async () => {
	const deliveries = leadDeliveries(REPLAYED, 50_000);
	const from = await countingFrom();
	const [first, second] = cluster.webhookUrls.map((base) => triggerUrl(variant, base));

	// The first copy to one process, then one to the other and one more to the first, one
	// delivery after another: concurrent new deliveries in both processes can race (see the
	// burst replay below and docs/queue-mode.md).
	const statuses = [];
	await postEach(deliveries, 1, async (delivery) => {
		for (const url of [first, second, first]) {
			const answer = await post(url, { body: delivery.text });
			assert.equal(answer.status, 200, answer.text);
			statuses.push(answer.json.status);
		}
	});
	const count = (status) => statuses.filter((s) => s === status).length;
	assert.equal(count('accepted'), REPLAYED);
	assert.equal(count('duplicate'), 2 * REPLAYED);
	await from.expectLeads(REPLAYED);
});

spec(
	'copies of one delivery posted at once to one webhook process make one lead (sticky routing)',
	async () => {
		const deliveries = leadDeliveries(REPLAYED, 60_000);
		const from = await countingFrom();
		const url = triggerUrl(variant, cluster.webhookUrls[0]);

		// Three copies of each, interleaved, 20 requests in flight: copies of one delivery overlap.
		const copies = [0, 1, 2].flatMap(() => deliveries);
		const answers = await postEach(copies, BURST_CONCURRENCY, (delivery) =>
			post(url, { body: delivery.text }),
		);
		const count = (status) => answers.filter((a) => a.json?.status === status).length;
		assert.ok(answers.every((a) => a.status === 200));
		assert.equal(count('accepted'), REPLAYED);
		assert.equal(count('duplicate'), 2 * REPLAYED);
		await from.expectLeads(REPLAYED);
	},
);

spec(
	'copies of one delivery posted at once to both webhook processes: every lead at least once, no lead lost',
	async () => {
		const deliveries = leadDeliveries(REPLAYED, 70_000);
		const from = await countingFrom();
		const [first, second] = cluster.webhookUrls.map((base) => triggerUrl(variant, base));

		// The race docs/queue-mode.md describes: measured, not forbidden.
		const copies = deliveries.flatMap((delivery) => [
			{ delivery, url: first },
			{ delivery, url: second },
		]);
		const answers = await postEach(copies, BURST_CONCURRENCY, ({ delivery, url }) =>
			post(url, { body: delivery.text }),
		);
		assert.ok(answers.every((a) => a.status === 200));
		const accepted = answers.filter((a) => a.json?.status === 'accepted');
		const acceptedIds = new Set(accepted.map((a) => a.json.deliveryId));
		assert.equal(acceptedIds.size, REPLAYED, 'a delivery was taken by neither process');
		const twice = accepted.length - REPLAYED;
		figures.concurrentCopiesTakenTwice = twice;
		await from.expectLeads(accepted.length);
		log(`2 copies of ${REPLAYED} deliveries at once over both processes: ${twice} taken twice`);
	},
);

spec('after a webhook process restarts, it still knows the deliveries it saw', async () => {
	const deliveries = leadDeliveries(REPLAYED, 50_000);
	const from = await countingFrom();

	figures.webhookRestartSeconds = await cluster.restartWebhook(1);
	const url = triggerUrl(variant, cluster.webhookUrls[1]);
	const answers = await postEach(deliveries, 10, (delivery) => post(url, { body: delivery.text }));

	assert.deepEqual(
		answers.map((a) => a.json?.status),
		deliveries.map(() => 'duplicate'),
	);
	await from.expectLeads(0);
});

spec(
	'burst deliveries replayed at once to the other webhook process: a lead only for a replay taken as new',
	async () => {
		const deliveries = leadDeliveries(BURST, 10_000);
		const from = await countingFrom();

		// In the burst, delivery i went to process i % 2; now it goes to the other one.
		const answers = await postEach(deliveries, BURST_CONCURRENCY, (delivery, index) =>
			post(triggerUrl(variant, cluster.webhookUrls[(index + 1) % 2]), { body: delivery.text }),
		);
		const slipped = answers.filter((a) => a.json?.status === 'accepted').length;
		figures.burstReplaySlipped = slipped;
		assert.ok(answers.every((a) => a.status === 200));

		await from.expectLeads(slipped);
		assert.deepEqual(
			answers.filter((a) => !['duplicate', 'accepted'].includes(a.json?.status)),
			[],
		);
		// The race documented in docs/queue-mode.md: measured, not forbidden.
		log(`burst replayed to the other process: ${slipped} of ${BURST} taken as new`);
	},
	600_000,
);
