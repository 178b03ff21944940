'use strict';

/**
 * Reliability on a real n8n 2.41.1 on loopback, with this package installed from dist/:
 * 1. a sample of the generated hostile bodies: no 5xx, the answer the Trigger gives in-process,
 *    and an execution for each accepted body only;
 * 2. a burst of 1,000 distinct leads at concurrency 20 through Trigger → Router → HTTP Request:
 *    exactly 1,000 leads at the destination, none lost, none twice;
 * 3. every one of those deliveries replayed three times: still one lead each;
 * 4. with n8n's database locked, so that n8n cannot store an execution and answers 500: the
 *    delivery sent again is taken, once; and a copy sent while n8n is still storing the first
 *    waits for it and is answered as a duplicate;
 * 5. afterwards, no secret and no person's email or phone in n8n's logs (at debug level) or in
 *    the destination's output.
 * The tests run in this order and share one n8n. Ports: KAJABI_RELIABILITY_PORT (5713) for n8n,
 * the next one for its task broker, the one after for the capture server.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, test } = require('node:test');

const fc = require('fast-check');

const { distinctDeliveries } = require('../../scripts/lib/distinct-deliveries');
const { REPO_ROOT, N8nServer, ensureN8nInstalled } = require('../../scripts/lib/n8n-server');
const { startCaptureChild } = require('./support/captureChild');
const { lockDatabase } = require('./support/databaseLock');
const { HOSTILE_SEED, hostileDelivery } = require('./support/hostileDeliveries');
const { postDelivery, postEach } = require('../helpers/exampleRuns');
const {
	DESTINATION_TOKEN,
	SHARED_SECRET,
	reliabilityWorkflows,
	triggerUrl,
} = require('./support/reliabilityWorkflows');
const { triggerVerdict } = require('./support/triggerVerdict');

const PORT = Number(process.env.KAJABI_RELIABILITY_PORT ?? 5713);
const SAMPLE = Number(process.env.KAJABI_HOSTILE_SAMPLE ?? 80);
const BURST = 1_000;
const CONCURRENCY = 20;
const REPLAYS = 3;

const post = (url, delivery) => postDelivery(url, delivery, { timeoutMs: 20_000 });
const log = (message) => process.stderr.write(`[reliability] ${message}\n`);
let n8n;
let capture;
let workflows;
let failures = 0;
const burst = distinctDeliveries(BURST, { start: 200_000 });
// Deliveries for the specs with a locked database.
const [refusedFirst, copiedWhileStoring] = distinctDeliveries(2, { start: 300_000 });
const burstIds = [];

/** A test that counts its failure, so the run keeps n8n's folder (logs, database) for a look. */
function spec(name, fn) {
	test(name, { timeout: 600_000 }, async () => {
		try {
			await fn();
		} catch (error) {
			failures += 1;
			throw error;
		}
	});
}

/** The burst workflow's production URL, with its shared secret. */
function burstUrl() {
	return `${triggerUrl(workflows.burst, n8n.baseUrl)}?secret=${SHARED_SECRET}`;
}

function triggerLead(execution) {
	return execution.data?.resultData?.runData?.['Kajabi Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

before(
	async () => {
		if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'KajabiTrigger'))) {
			throw new Error('dist/ is missing: run `npm run build` first');
		}
		const install = ensureN8nInstalled({ log });
		capture = await startCaptureChild(PORT + 2);
		workflows = reliabilityWorkflows(capture.url);

		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-reliability-'));
		n8n = new N8nServer({ install, userFolder, port: PORT, brokerPort: PORT + 1, log });
		// Debug level, so the Trigger's own per-delivery lines are in the log that is searched.
		n8n.env.N8N_LOG_LEVEL = 'debug';
		await n8n.checkPorts();
		n8n.installPackage(REPO_ROOT);
		n8n.importWorkflows([workflows.hostile, workflows.burst]);
		n8n.publishWorkflow(workflows.hostile.id);
		n8n.publishWorkflow(workflows.burst.id);
		n8n.createApiKey();
		await n8n.start();
		log(`n8n ready in ${n8n.startSeconds.toFixed(1)} s; logs in ${n8n.userFolder}`);
	},
	{ timeout: 20 * 60_000 },
);

after(async () => {
	await n8n?.stop();
	await capture?.stop();
	if (!n8n) return;
	if (failures === 0) {
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	} else {
		log(`kept for a look: ${n8n.logFile}`);
	}
});

spec(
	`${SAMPLE} hostile bodies in a real n8n: no 5xx, the in-process answer, executions only for accepted ones`,
	async () => {
		const url = triggerUrl(workflows.hostile, n8n.baseUrl);
		// A body identical to an earlier one is a duplicate in n8n but not in-process: post each once.
		const seen = new Set();
		const sample = fc
			.sample(hostileDelivery, { numRuns: SAMPLE * 2, seed: HOSTILE_SEED })
			.filter((delivery) => {
				const key = delivery.body.toString('utf8').trim();
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			})
			.slice(0, SAMPLE);
		const accepted = new Set();
		let rejected = 0;

		for (const [index, delivery] of sample.entries()) {
			const expected = await triggerVerdict(delivery);
			const answer = await post(url, delivery);
			const name = `body ${index} (${delivery.kind}, ${delivery.contentType}, ${delivery.body.length} bytes)`;

			assert.ok(answer.status < 500, `${name}: ${answer.status} ${answer.text.slice(0, 200)}`);
			if (expected.outcome === 'rejected') {
				rejected += 1;
				assert.equal(answer.status, expected.status, `${name}: ${answer.text.slice(0, 200)}`);
				assert.equal(answer.json?.error?.code, expected.code, name);
				assert.ok(answer.json.error.message, `${name}: the error has no message`);
			} else {
				assert.equal(answer.status, 200, `${name}: ${answer.text.slice(0, 200)}`);
				assert.equal(answer.json?.status, 'accepted', name);
				assert.equal(answer.json.deliveryId, expected.deliveryId, name);
				accepted.add(expected.deliveryId);
			}
		}
		assert.ok(accepted.size > 0 && rejected > 0, `${accepted.size} accepted, ${rejected} rejected`);

		const executions = await n8n.waitForExecutions(workflows.hostile.id, accepted.size, {
			timeoutMs: 120_000,
			settleMs: 2_000,
		});
		assert.equal(executions.length, accepted.size, 'one execution per accepted body, none else');
		assert.deepEqual(
			new Set(executions.map((execution) => triggerLead(execution)?.deliveryId)),
			accepted,
		);
		for (const execution of executions) assert.equal(execution.status, 'success');
		log(`hostile sample: ${accepted.size} accepted, ${rejected} refused`);
	},
);

spec(
	`a burst of ${BURST} distinct leads at concurrency ${CONCURRENCY}: each reaches the destination once`,
	async () => {
		const url = burstUrl();
		const started = Date.now();
		const answers = await postEach(burst, CONCURRENCY, (delivery) =>
			post(url, { body: delivery.text, contentType: 'application/json' }),
		);
		log(`burst: ${BURST} answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);

		for (const [index, answer] of answers.entries()) {
			assert.equal(answer.status, 200, `delivery ${index}: ${answer.text.slice(0, 200)}`);
			assert.equal(answer.json?.status, 'accepted', `delivery ${index}: ${answer.text}`);
			burstIds.push(answer.json.deliveryId);
		}
		assert.equal(new Set(burstIds).size, BURST, 'two deliveries got the same delivery id');

		await capture.waitFor('/leads', BURST, { timeoutMs: 300_000 });
		await sleep(3_000);
		const leads = (await capture.received()).filter((request) => request.path === '/leads');
		log(
			`burst: ${leads.length} leads at the destination ${((Date.now() - started) / 1000).toFixed(1)} s after the first delivery`,
		);
		assert.equal(leads.length, BURST, 'leads at the destination');

		const byDeliveryId = new Map(leads.map((lead) => [lead.body.deliveryId, lead]));
		assert.equal(byDeliveryId.size, BURST, 'a lead reached the destination twice');
		for (const [index, delivery] of burst.entries()) {
			const lead = byDeliveryId.get(burstIds[index]);
			assert.ok(lead, `delivery ${index} never reached the destination`);
			assert.equal(lead.body.email, delivery.email, `delivery ${index}`);
			assert.equal(lead.body.formId, delivery.formId, `delivery ${index}`);
			assert.equal(lead.body.campaign, delivery.campaign, `delivery ${index}`);
			assert.equal(lead.headers.authorization, '[redacted]', 'the token was sent and kept out');
		}

		const executions = await n8n.listExecutions(workflows.burst.id, { includeData: false });
		assert.equal(executions.length, BURST, 'executions');
		assert.ok(executions.every((execution) => execution.status === 'success'));
	},
);

spec(
	`each of the ${BURST} deliveries replayed ${REPLAYS} times: still exactly one lead each`,
	async () => {
		assert.equal(burstIds.length, BURST, 'the burst ran first');
		const url = burstUrl();
		const replays = [];
		for (let round = 0; round < REPLAYS; round++) replays.push(...burst.keys());

		const answers = await postEach(replays, CONCURRENCY, (index) =>
			post(url, { body: burst[index].text, contentType: 'application/json' }),
		);
		for (const [position, answer] of answers.entries()) {
			const index = replays[position];
			assert.equal(answer.status, 200, `replay of delivery ${index}: ${answer.text.slice(0, 200)}`);
			assert.deepEqual(answer.json, { status: 'duplicate', deliveryId: burstIds[index] });
		}

		await sleep(3_000);
		const leads = (await capture.received()).filter((request) => request.path === '/leads');
		assert.equal(leads.length, BURST, 'leads at the destination after the replays');
		const executions = await n8n.listExecutions(workflows.burst.id, { includeData: false });
		assert.equal(executions.length, BURST, 'executions after the replays');
	},
);

/** The requests the destination received for `deliveryId`, once the executions have had time. */
async function leadsAtDestination(deliveryId) {
	await sleep(2_000);
	return (await capture.received()).filter(
		(request) => request.path === '/leads' && request.body.deliveryId === deliveryId,
	);
}

spec(
	'n8n that cannot store the execution answers 500; the delivery sent again is taken, once',
	async () => {
		const url = burstUrl();
		const delivery = { body: refusedFirst.text, contentType: 'application/json' };
		const executionsBefore = (await n8n.listExecutions(workflows.burst.id, { includeData: false }))
			.length;

		const lock = await lockDatabase(n8n);
		let refused;
		try {
			refused = await post(url, delivery);
		} finally {
			await lock.release();
		}
		assert.equal(refused.status, 500, `while locked: ${refused.text.slice(0, 200)}`);

		// The Trigger had accepted it, but n8n never started its execution: not a duplicate.
		const again = await post(url, delivery);
		assert.equal(again.status, 200, again.text.slice(0, 200));
		assert.equal(again.json?.status, 'accepted', again.text.slice(0, 200));
		const third = await post(url, delivery);
		assert.deepEqual(third.json, { status: 'duplicate', deliveryId: again.json.deliveryId });

		const leads = await leadsAtDestination(again.json.deliveryId);
		assert.equal(leads.length, 1, 'leads at the destination');
		assert.equal(leads[0].body.email, refusedFirst.email);
		const executions = await n8n.listExecutions(workflows.burst.id, { includeData: false });
		assert.equal(executions.length, executionsBefore + 1, 'executions');
	},
);

spec(
	'a copy sent while n8n is still storing the first waits for it, and is answered duplicate',
	async () => {
		const url = burstUrl();
		const delivery = { body: copiedWhileStoring.text, contentType: 'application/json' };

		// Locked for 0.7 s, well within n8n's busy timeout: the first is stored once it is let go.
		const lock = await lockDatabase(n8n);
		let first;
		let copy;
		try {
			first = post(url, delivery);
			await sleep(300);
			copy = post(url, delivery);
			await sleep(400);
		} finally {
			await lock.release();
		}
		const [firstAnswer, copyAnswer] = await Promise.all([first, copy]);

		assert.equal(firstAnswer.json?.status, 'accepted', firstAnswer.text.slice(0, 200));
		assert.deepEqual(copyAnswer.json, {
			status: 'duplicate',
			deliveryId: firstAnswer.json.deliveryId,
		});
		assert.ok(
			copyAnswer.answeredAt >= firstAnswer.answeredAt,
			`the copy was answered ${firstAnswer.answeredAt - copyAnswer.answeredAt} ms before the first`,
		);
		assert.equal((await leadsAtDestination(firstAnswer.json.deliveryId)).length, 1);
		log(
			`copy while storing: first answered in ${firstAnswer.ms} ms, the copy in ${copyAnswer.ms} ms`,
		);
	},
);

/** Every file n8n wrote that a person would call a log, with its text. */
function logFiles(folder) {
	const found = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory() && entry.name !== 'node_modules') walk(file);
			else if (entry.isFile() && /\.log$|log.*\.txt$/i.test(entry.name)) found.push(file);
		}
	};
	walk(folder);
	return found;
}

spec("no secret, token or person in n8n's logs or the destination's output", async () => {
	assert.equal(burstIds.length, BURST, 'the burst ran first');
	// Stopped first, so everything they would write is written.
	await n8n.stop();
	await capture.stop();

	const secrets = {
		'shared secret': SHARED_SECRET,
		'destination token': DESTINATION_TOKEN,
		'n8n encryption key': n8n.env.N8N_ENCRYPTION_KEY,
		'n8n API key': n8n.apiKey,
	};
	const people = [...burst, refusedFirst, copiedWhileStoring].flatMap((delivery, index) => {
		const phone = JSON.parse(delivery.text).payload?.find?.((r) => r.type === 'form_submissions')
			?.attributes.phone_number;
		return [
			[`email of delivery ${index}`, delivery.email],
			...(phone ? [[`phone of delivery ${index}`, phone]] : []),
		];
	});

	const files = logFiles(n8n.userFolder);
	const texts = files.map((file) => [
		path.relative(n8n.userFolder, file),
		fs.readFileSync(file, 'utf8'),
	]);
	texts.push(['capture server output', capture.output()]);

	const serverLog = texts.find(([name]) => name === 'n8n.log')?.[1] ?? '';
	assert.match(serverLog, /Kajabi delivery accepted/, "the Trigger's debug lines are in the log");
	assert.match(serverLog, /Kajabi delivery rejected/, "the Trigger's warnings are in the log");
	assert.ok(
		capture.output().split('\n').length > BURST,
		'the capture server printed a line per request',
	);

	for (const [name, text] of texts) {
		for (const [what, value] of Object.entries(secrets)) {
			assert.ok(value && !text.includes(value), `${name} contains the ${what}`);
		}
		const lowerCased = text.toLowerCase();
		for (const [what, value] of people) {
			assert.ok(!lowerCased.includes(value.toLowerCase()), `${name} contains the ${what}`);
		}
	}
	log(`searched ${texts.map(([name, text]) => `${name} (${text.length} chars)`).join(', ')}`);
});
