'use strict';

/**
 * End to end on a real n8n 2.41.1: the package installed as a community package, the example
 * workflow imported and published, and Kajabi's body shapes posted to the production URL of its
 * loopback variant, whose destinations are the capture server and whose Kajabi account is the
 * Kajabi stand-in: the trigger registers its hooks there, forms submitted there reach n8n, and
 * the lead is enriched from it and tagged in it. Run with `npm run test:e2e` (builds first).
 * Nothing leaves 127.0.0.1.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');

const { startCaptureServer } = require('../../scripts/lib/capture-server');
const {
	SLOW_KAJABI_MS,
	assertAnsweredFirst,
	nodeOutput,
	postDelivery,
	routed,
	triggerLead,
} = require('../helpers/exampleRuns');
const {
	STAND_IN_ACCOUNT,
	contactByEmail,
	hooksFor,
	importKajabiCredential,
	startKajabiAccount,
	submitKajabiForm,
} = require('../../scripts/lib/kajabi-account');
const {
	exampleDeliveries,
	formSubmission,
	rejectedDeliveries,
	tagChangeDeliveries,
} = require('../../scripts/lib/deliveries');
const { REPO_ROOT, ensureN8nInstalled, N8nServer } = require('../../scripts/lib/n8n-server');
const { loopbackVariant, triggerUrl } = require('../../scripts/lib/workflow-variant');

const PORT = Number(process.env.KAJABI_E2E_N8N_PORT ?? 5691);
const BROKER_PORT = Number(process.env.KAJABI_E2E_BROKER_PORT ?? PORT + 1);
const PACKAGE = 'n8n-nodes-kajabi-connect';
const TRIGGER_TYPE = `${PACKAGE}.kajabiTrigger`;
const ROUTER_TYPE = `${PACKAGE}.kajabiCampaignRouter`;
const KAJABI_TYPE = `${PACKAGE}.kajabi`;

const example = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'kajabi-lead-routing.json'), 'utf8'),
);
const secretWorkflow = JSON.parse(
	fs.readFileSync(path.join(__dirname, 'fixtures', 'kajabi-secret-trigger.json'), 'utf8'),
);
const SECRET = secretWorkflow.nodes[0].parameters.settings.secret;

// The example's campaign outputs, in the Router's order: its conditions', its table's, the default.
const OUTPUT_OF_CAMPAIGN = { upsell: 0, webinar: 1, 'free-guide': 2, newsletter: 3 };
// The events the example's trigger listens to, and so registers Kajabi hooks for.
const KAJABI_EVENTS = example.nodes.find((node) => node.type === TRIGGER_TYPE).parameters.events;
const MESSAGE_OF_CAMPAIGN = {
	upsell: /client/i,
	webinar: /webinar/i,
	'free-guide': /free guide/i,
	newsletter: /newsletter/i,
};

const log = (message) => process.stderr.write(`[e2e] ${message}\n`);
const timings = {};
let capture;
let kajabi;
let n8n;
let variant;
let nodeTypes;
const answers = new Map();
let ready = false;
let failures = 0;

/** A test that counts its failure, so the run keeps n8n's folder (logs, database) for a look. */
function spec(name, options, fn) {
	if (typeof options === 'function') return spec(name, {}, options);
	test(name, { timeout: options.timeoutMs ?? 120_000 }, async (context) => {
		try {
			await fn(context);
		} catch (error) {
			failures += 1;
			throw error;
		}
	});
}

const post = (url, delivery) => postDelivery(url, delivery);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The email of the form submission a stand-in delivery record carries. */
const emailOf = (record) =>
	record.body.payload.find((resource) => resource.type === 'form_submissions').attributes.email;

before(
	async () => {
		const install = ensureN8nInstalled({ log });
		timings.installSeconds = install.seconds;

		capture = await startCaptureServer();
		kajabi = await startKajabiAccount({ log });
		variant = loopbackVariant(example, capture.url, { kajabi: STAND_IN_ACCOUNT });

		// Inside the repository (ignored by git and eslint), so a failed run's logs are easy to find.
		fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
		const userFolder = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'n8n-'));
		n8n = new N8nServer({ install, userFolder, port: PORT, brokerPort: BROKER_PORT, log });
		log(`n8n user folder (logs): ${n8n.userFolder}`);
		await n8n.checkPorts();
		n8n.installPackage(REPO_ROOT);
		nodeTypes = n8n.exportNodeTypes();
		importKajabiCredential(n8n, kajabi.url);
		n8n.importOutput = n8n.importWorkflows([example, variant, secretWorkflow]);
		n8n.publishOutput = [example, variant, secretWorkflow]
			.map((workflow) => n8n.publishWorkflow(workflow.id))
			.join('\n');
		n8n.createApiKey();
		await n8n.start();
		timings.startSeconds = n8n.startSeconds;
		ready = true;
	},
	{ timeout: 20 * 60_000 },
);

after(async () => {
	await n8n?.stop();
	await capture?.stop();
	await kajabi?.close();
	log(
		`install ${timings.installSeconds?.toFixed(1)} s, ` +
			`n8n start ${timings.startSeconds?.toFixed(1)} s`,
	);
	if (!n8n) return;
	if (ready && failures === 0) {
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
		return;
	}
	log(`kept for a look: n8n log ${n8n.logFile}, CLI log ${n8n.cliLogFile}`);
	log(`last lines of the n8n log:\n${n8n.logTail(30)}`);
});

spec('n8n loads the three Kajabi nodes under the package prefix', () => {
	const names = nodeTypes.map((type) => type.name);
	for (const type of [TRIGGER_TYPE, ROUTER_TYPE, KAJABI_TYPE]) {
		assert.ok(names.includes(type), `${type} not among the loaded node types`);
	}
	assert.ok(
		!names.some((name) => name.startsWith('CUSTOM.')),
		'a node type was loaded as CUSTOM.*',
	);
});

spec('the example workflow imports and publishes cleanly, beside its loopback variant', () => {
	assert.match(n8n.importOutput, /Successfully imported 3 workflows/);
	for (const workflow of [example, variant, secretWorkflow]) {
		assert.match(n8n.publishOutput, new RegExp(`Publishing workflow with ID: ${workflow.id}`));
	}

	const serverLog = n8n.logText();
	assert.doesNotMatch(serverLog, /unrecognized node type/i);
	assert.doesNotMatch(serverLog, /Issue on initial workflow activation/i);
	for (const workflow of [example, variant, secretWorkflow]) {
		assert.ok(
			serverLog.includes(`Activated workflow "${workflow.name}" (ID: ${workflow.id})`),
			`workflow ${workflow.id} was not activated; see ${n8n.logFile}`,
		);
	}
});

spec('every Kajabi body shape is answered 200 at once and starts one execution', async () => {
	const url = triggerUrl(variant, n8n.baseUrl);
	const answeredAt = new Map();

	// The answer never waits for the workflow: Kajabi has it before the execution ends.
	kajabi.control.setLatency(SLOW_KAJABI_MS);
	let executions;
	try {
		for (const delivery of exampleDeliveries()) {
			const answer = await post(url, delivery);
			assert.equal(answer.status, 200, `${delivery.name}: ${answer.text}`);
			assert.equal(answer.json?.status, 'accepted', `${delivery.name}: ${answer.text}`);
			answers.set(answer.json.deliveryId, delivery);
			answeredAt.set(answer.json.deliveryId, answer.answeredAt);
		}
		assert.equal(
			answers.size,
			exampleDeliveries().length,
			'two deliveries got the same delivery id',
		);
		executions = await n8n.waitForExecutions(variant.id, answers.size, { timeoutMs: 60_000 });
	} finally {
		kajabi.control.setLatency(0);
	}

	assert.equal(executions.length, answers.size);
	for (const execution of executions) {
		assert.equal(
			execution.status,
			'success',
			`execution ${execution.id} ended ${execution.status}`,
		);
	}
	assertAnsweredFirst(executions, (id) => ({
		name: answers.get(id).name,
		answeredAt: answeredAt.get(id),
	}));
});

spec("the Trigger's item carries the event, source, form and a normalised contact", async () => {
	const executions = await n8n.listExecutions(variant.id);
	assert.equal(executions.length, answers.size);

	for (const execution of executions) {
		const lead = triggerLead(execution);
		const delivery = answers.get(lead?.deliveryId);
		assert.ok(delivery, `execution ${execution.id} has no lead from a posted delivery`);
		const { expect } = delivery;

		assert.equal(lead.event, expect.event, delivery.name);
		assert.equal(lead.source, expect.source, delivery.name);
		assert.equal(lead.form?.id ?? null, expect.formId, delivery.name);
		assert.equal(lead.contact.email, expect.email, delivery.name);
		assert.equal(lead.contact.phone, expect.phone, delivery.name);
	}
});

spec('the Router gives each lead its campaign, its reason and its output', async () => {
	const executions = await n8n.listExecutions(variant.id);
	const seenCampaigns = new Set();

	for (const execution of executions) {
		const delivery = answers.get(triggerLead(execution)?.deliveryId);
		const { output, json } = routed(execution);

		assert.equal(json?.campaign, delivery.expect.campaign, delivery.name);
		assert.match(json.routedBy, delivery.expect.routedBy, delivery.name);
		assert.equal(output, OUTPUT_OF_CAMPAIGN[delivery.expect.campaign], delivery.name);
		seenCampaigns.add(json.campaign);
	}
	assert.deepEqual([...seenCampaigns].sort(), ['free-guide', 'newsletter', 'webinar']);
});

spec('every lead passes Enrich Lead, and one Kajabi does not know goes on untagged', async () => {
	const executions = await n8n.listExecutions(variant.id);
	await capture.waitFor('/audit', answers.size);

	for (const execution of executions) {
		const delivery = answers.get(triggerLead(execution)?.deliveryId);
		const enriched = nodeOutput(execution, 'Kajabi: Enrich Lead')[0]?.[0]?.json;
		assert.ok(enriched?.enrichment, `${delivery.name}: no enrichment`);
		// The sample bodies name sites and people the stand-in has never heard of.
		assert.notEqual(enriched.enrichment.status, 'enriched', delivery.name);
		assert.deepEqual(nodeOutput(execution, 'Kajabi: Tag as Routed'), [], delivery.name);

		const audit = capture
			.requests('/audit')
			.find((request) => request.body.deliveryId === enriched.deliveryId);
		assert.equal(audit?.body.taggedInKajabi, false, delivery.name);
		assert.equal(audit.body.enrichment, enriched.enrichment.status, delivery.name);
	}
});

spec(
	'each lead reaches Airtable, Clay and the audit log, and an SMS only with a phone',
	async () => {
		const leads = [...answers.entries()];
		const withPhone = leads.filter(([, delivery]) => delivery.expect.phone !== null);
		await capture.waitFor('/audit', leads.length);
		await capture.waitFor('/sms', withPhone.length);

		const [base, table] = [
			example.nodes.find((node) => node.name === 'Airtable: Upsert Lead').parameters.base.value,
			example.nodes.find((node) => node.name === 'Airtable: Upsert Lead').parameters.table.value,
		];
		const airtable = capture.requests(`/airtable/${base}/${table}`);
		const clay = capture.requests('/clay');
		const sms = capture.requests('/sms');
		const audit = capture.requests('/audit');
		assert.equal(airtable.length, leads.length);
		assert.equal(clay.length, leads.length);
		assert.equal(audit.length, leads.length);
		assert.equal(sms.length, withPhone.length);

		for (const [deliveryId, { name, expect }] of leads) {
			const record = airtable.find(
				(r) => r.body.records[0].fields['Kajabi Delivery ID'] === deliveryId,
			);
			assert.ok(record, `${name}: no Airtable upsert`);
			assert.deepEqual(record.body.performUpsert, { fieldsToMergeOn: ['Email'] }, name);
			assert.equal(record.body.records[0].fields.Email, expect.email, name);
			assert.equal(record.body.records[0].fields.Campaign, expect.campaign, name);
			assert.equal(record.body.records[0].fields.Event, expect.event, name);

			const lead = clay.find((r) => r.body.deliveryId === deliveryId);
			assert.ok(lead, `${name}: nothing sent to Clay`);
			assert.equal(lead.body.email, expect.email, name);
			assert.equal(lead.body.campaign, expect.campaign, name);
			assert.equal(lead.body.formId, expect.formId, name);

			const entry = audit.find((r) => r.body.deliveryId === deliveryId);
			assert.ok(entry, `${name}: no audit log entry`);
			assert.equal(entry.body.campaign, expect.campaign, name);
			assert.equal(entry.body.smsScheduled, expect.phone !== null, name);
		}

		// The SMS body names no delivery: compare what was scheduled, as a list, with what should be.
		const scheduled = sms.map((r) => `${r.body.to} ${r.body.leadEmail} ${r.body.campaign}`).sort();
		const expected = withPhone
			.map(([, { expect }]) => `${expect.phone} ${expect.email} ${expect.campaign}`)
			.sort();
		assert.deepEqual(scheduled, expected);
		for (const request of sms) {
			assert.match(request.body.message, MESSAGE_OF_CAMPAIGN[request.body.campaign]);
		}
		assert.ok(
			sms.every((r) => r.headers['content-type']?.startsWith('application/json')),
			'the SMS scheduler got a body that is not JSON',
		);
	},
);

spec('a repeated delivery is answered 200 and starts no second execution', async () => {
	const url = triggerUrl(variant, n8n.baseUrl);
	const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;
	const [delivery] = exampleDeliveries().filter((d) => d.expect.formId === '2001');

	const answer = await post(url, delivery);
	assert.equal(answer.status, 200, answer.text);
	assert.equal(answer.json?.status, 'duplicate', answer.text);

	const executions = await n8n.waitForExecutions(variant.id, before, { settleMs: 1_500 });
	assert.equal(executions.length, before);
});

spec('an invalid, empty or non-JSON body gets a 400 JSON error and starts nothing', async () => {
	const url = triggerUrl(variant, n8n.baseUrl);
	const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;

	for (const delivery of rejectedDeliveries()) {
		const answer = await post(url, delivery);
		assert.equal(answer.status, 400, `${delivery.name}: ${answer.text}`);
		assert.equal(answer.json?.error?.code, delivery.code, `${delivery.name}: ${answer.text}`);
		assert.ok(answer.json.error.message, `${delivery.name}: the error has no message`);
	}

	const executions = await n8n.waitForExecutions(variant.id, before, { settleMs: 1_500 });
	assert.equal(executions.length, before);
});

spec('with a shared secret, a missing or wrong secret gets 401 and the right one 200', async () => {
	const url = triggerUrl(secretWorkflow, n8n.baseUrl);
	const [delivery] = exampleDeliveries().filter((d) => d.expect.formId === '2002');

	const missing = await post(url, delivery);
	assert.equal(missing.status, 401, missing.text);
	assert.equal(missing.json?.error?.code, 'unauthorized');

	const wrong = await post(`${url}?secret=not-the-secret`, delivery);
	assert.equal(wrong.status, 401, wrong.text);

	const right = await post(`${url}?secret=${encodeURIComponent(SECRET)}`, delivery);
	assert.equal(right.status, 200, right.text);
	assert.equal(right.json?.status, 'accepted');

	const executions = await n8n.waitForExecutions(secretWorkflow.id, 1, { settleMs: 1_500 });
	assert.equal(executions.length, 1);
	assert.equal(triggerLead(executions[0]).contact.email, delivery.expect.email);
});

spec(
	'tag changes, which the example does not listen to, are answered 200 and start nothing',
	async () => {
		const url = triggerUrl(variant, n8n.baseUrl);
		const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;

		for (const delivery of tagChangeDeliveries()) {
			const answer = await post(url, delivery);
			assert.equal(answer.status, 200, `${delivery.name}: ${answer.text}`);
			assert.equal(answer.json?.status, 'ignored', `${delivery.name}: ${answer.text}`);
		}
		const executions = await n8n.waitForExecutions(variant.id, before, { settleMs: 1_500 });
		assert.equal(executions.length, before);
	},
);

spec('a trigger that listens to every event takes tag changes as leads', async () => {
	const url = `${triggerUrl(secretWorkflow, n8n.baseUrl)}?secret=${encodeURIComponent(SECRET)}`;
	const before = (await n8n.listExecutions(secretWorkflow.id, { includeData: false })).length;

	for (const delivery of tagChangeDeliveries()) {
		const answer = await post(url, delivery);
		assert.equal(answer.status, 200, `${delivery.name}: ${answer.text}`);
		assert.equal(answer.json?.status, 'accepted', `${delivery.name}: ${answer.text}`);
	}
	const executions = await n8n.waitForExecutions(
		secretWorkflow.id,
		before + tagChangeDeliveries().length,
		{ settleMs: 1_500 },
	);
	const events = executions.slice(before).map((execution) => triggerLead(execution).event);
	assert.deepEqual(events.sort(), ['tag_added', 'tag_removed']);
});

spec('on publish, the trigger registers one Kajabi hook per event for its production URL', () => {
	const hooks = hooksFor(kajabi, triggerUrl(variant, n8n.baseUrl));
	assert.deepEqual(hooks.map((hook) => hook.attributes.event).sort(), [...KAJABI_EVENTS].sort());
	assert.ok(
		hooks.every((hook) => hook.siteId === STAND_IN_ACCOUNT.siteId),
		'a hook was registered for another site',
	);
	assert.equal(kajabi.state.hooks.length, KAJABI_EVENTS.length, 'a hook for another URL exists');
});

spec(
	'a Kajabi form submission goes the whole loop: hook, enrichment, routing, destinations, tag',
	async () => {
		const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;
		const auditsBefore = capture.requests('/audit').length;
		const people = [
			{
				formId: '2001',
				attributes: { name: 'Ava Martinez', email: 'ava.martinez@example.com' },
				expect: { campaign: 'upsell', customerStatus: 'customer', priority: 'high' },
			},
			{
				formId: '2002',
				attributes: {
					name: 'Jordan Blake',
					email: 'Jordan.Blake@Example.net',
					phone_number: '+1 555 010 2099',
				},
				expect: { campaign: 'free-guide', customerStatus: 'lead', priority: null },
			},
		];

		kajabi.control.clearDeliveries();
		for (const person of people) {
			await submitKajabiForm(kajabi.url, person.formId, person.attributes);
		}
		const deliveries = await kajabi.control.waitForDeliveries(people.length, {
			filter: (delivery) => delivery.event === 'form_submission',
		});
		for (const delivery of deliveries) {
			assert.equal(
				delivery.statusCode,
				200,
				`n8n answered the hook delivery ${delivery.statusCode}`,
			);
		}

		// The forms' own tags and the routed tag change tags in Kajabi too; with no hook for tag
		// changes, they start nothing: one execution per person.
		await kajabi.control.idle();
		const expected = before + people.length;
		const executions = await n8n.waitForExecutions(variant.id, expected, {
			timeoutMs: 60_000,
			settleMs: 2_000,
		});
		assert.equal(executions.length, expected, 'a form submission started more than one run');
		await capture.waitFor('/audit', auditsBefore + people.length);

		for (const person of people) {
			const email = person.attributes.email.toLowerCase();
			const execution = executions
				.slice(before)
				.find((run) => triggerLead(run)?.contact.email === email);
			assert.ok(execution, `${email}: no execution`);
			assert.equal(execution.status, 'success', `${email}: execution ${execution.status}`);

			const lead = triggerLead(execution);
			assert.equal(lead.source, 'api_hook');
			assert.equal(lead.event, 'form_submission');
			assert.equal(lead.form.id, person.formId);

			const enriched = nodeOutput(execution, 'Kajabi: Enrich Lead')[0][0].json.enrichment;
			const contact = contactByEmail(kajabi, email);
			assert.equal(enriched.status, 'enriched', `${email}: ${enriched.reason}`);
			assert.equal(enriched.contact.id, contact.id);
			assert.equal(enriched.customerStatus, person.expect.customerStatus, email);
			assert.ok(
				enriched.tags.every((tag) => typeof tag.name === 'string'),
				'a tag has no name',
			);

			const { output, json } = routed(execution);
			assert.equal(json.campaign, person.expect.campaign, `${email}: ${json.routedBy}`);
			assert.equal(output, OUTPUT_OF_CAMPAIGN[person.expect.campaign], email);
			assert.equal(json.priority ?? null, person.expect.priority, email);

			const record = capture
				.requests('/airtable')
				.find(
					(request) => request.body.records[0].fields['Kajabi Delivery ID'] === lead.deliveryId,
				);
			assert.ok(record, `${email}: no Airtable upsert`);
			assert.equal(record.body.records[0].fields['Customer Status'], person.expect.customerStatus);
			assert.equal(record.body.records[0].fields.Priority ?? null, person.expect.priority);

			const audit = capture.requests('/audit').find((r) => r.body.deliveryId === lead.deliveryId);
			assert.ok(audit, `${email}: no audit log entry`);
			assert.equal(audit.body.taggedInKajabi, true, email);
			assert.equal(audit.body.customerStatus, person.expect.customerStatus, email);
			assert.ok(
				contact.tagIds.includes(STAND_IN_ACCOUNT.routedTagId),
				`${email}: the routed tag is not on the contact in Kajabi`,
			);
		}
	},
);

/** A form 2001 submission by a person the stand-in knows (Liam, contact 5002 of site 101). */
function knownPersonSubmission(name) {
	const envelope = JSON.parse(
		formSubmission({
			email: 'liam.oconnor@example.org',
			name,
			formId: '2001',
			formTitle: 'Spring Webinar Signup',
		}),
	);
	envelope.payload.find(
		(resource) => resource.type === 'form_submissions',
	).relationships.site.data.id = STAND_IN_ACCOUNT.siteId;
	return { contentType: 'application/json', body: JSON.stringify(envelope) };
}

spec(
	"when Kajabi's API fails or slows down, every lead still reaches its destinations",
	{ timeoutMs: 9 * 60_000 },
	async () => {
		const url = triggerUrl(variant, n8n.baseUrl);
		const faults = [
			{
				name: '429 storm',
				apply: () => kajabi.control.setRateLimit({ limit: 1, windowSeconds: 5 }),
				outcomes: ['enriched', 'skipped'],
			},
			{
				name: '5xx burst',
				apply: () => kajabi.control.failNext({ count: 40, status: 502 }),
				outcomes: ['skipped'],
			},
			{ name: 'API down', apply: () => kajabi.control.setDown('refused'), outcomes: ['skipped'] },
			{
				name: 'slow answers',
				apply: () => kajabi.control.setLatency(1_500),
				outcomes: ['enriched'],
			},
			{
				name: 'tokens revoked',
				apply: () => kajabi.control.revokeAllTokens(),
				outcomes: ['enriched'],
			},
			{
				name: 'tokens expired',
				apply: () => kajabi.control.expireTokens(),
				outcomes: ['enriched'],
			},
		];

		try {
			for (const fault of faults) {
				await kajabi.control.resetFaults();
				kajabi.control.resetCounters();
				await fault.apply();
				const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;

				const answer = await post(url, knownPersonSubmission(`Liam O'Connor (${fault.name})`));
				assert.equal(answer.status, 200, `${fault.name}: ${answer.text}`);
				assert.equal(answer.json?.status, 'accepted', `${fault.name}: ${answer.text}`);

				const executions = await n8n.waitForExecutions(variant.id, before + 1, {
					timeoutMs: 150_000,
				});
				const execution = executions.find(
					(run) => triggerLead(run)?.deliveryId === answer.json.deliveryId,
				);
				assert.ok(execution, `${fault.name}: no execution`);
				assert.equal(execution.status, 'success', `${fault.name}: execution ${execution.status}`);

				const { enrichment } = nodeOutput(execution, 'Kajabi: Enrich Lead')[0][0].json;
				assert.ok(
					fault.outcomes.includes(enrichment.status),
					`${fault.name}: enrichment ${enrichment.status} (${enrichment.reason})`,
				);
				if (enrichment.status === 'skipped') assert.ok(enrichment.reason, fault.name);
				assert.equal(routed(execution).json.campaign, 'webinar', fault.name);

				const audit = capture
					.requests('/audit')
					.find((request) => request.body.deliveryId === answer.json.deliveryId);
				assert.ok(audit, `${fault.name}: no audit log entry`);
				assert.equal(audit.body.enrichment, enrichment.status, fault.name);
				log(
					`${fault.name}: lead ${enrichment.status}, ${kajabi.control.counters().requests} API calls`,
				);
			}
		} finally {
			await kajabi.control.resetFaults();
		}
	},
);

spec('after n8n restarts, the trigger keeps its Kajabi hooks and makes no second set', async () => {
	const url = triggerUrl(variant, n8n.baseUrl);
	const hookIds = hooksFor(kajabi, url).map((hook) => hook.id);
	const before = (await n8n.listExecutions(variant.id, { includeData: false })).length;

	await n8n.stop();
	await n8n.start();

	assert.deepEqual(
		hooksFor(kajabi, url).map((hook) => hook.id),
		hookIds,
		'the restart changed the hooks',
	);
	assert.equal(kajabi.state.hooks.length, KAJABI_EVENTS.length);

	kajabi.control.clearDeliveries();
	await submitKajabiForm(kajabi.url, '2003', {
		name: 'Kai Moreno',
		email: 'kai.moreno@example.org',
	});
	const [delivery] = await kajabi.control.waitForDeliveries(1, {
		filter: (record) => record.event === 'form_submission',
	});
	assert.equal(delivery.statusCode, 200, 'n8n did not take the delivery after its restart');
	const executions = await n8n.waitForExecutions(variant.id, before + 1, { timeoutMs: 60_000 });
	assert.ok(
		executions.some((run) => triggerLead(run)?.contact.email === 'kai.moreno@example.org'),
		'no execution for the form submitted after the restart',
	);
});

spec(
	'n8n restarted in the middle of a stream of form submissions, then re-published: ' +
		'one hook per event, the refused deliveries taken when sent again, every lead once ' +
		'(twice only if n8n answered it 500 while stopping)',
	{ timeoutMs: 300_000 },
	async () => {
		const url = triggerUrl(variant, n8n.baseUrl);
		const hookIds = new Set(hooksFor(kajabi, url).map((hook) => hook.id));
		const earlier = await n8n.listExecutions(variant.id, { includeData: false });
		const earlierIds = new Set(earlier.map((run) => run.id));
		kajabi.control.clearDeliveries();

		// One form submission every 200 ms, while n8n runs, stops, is down, starts and runs again.
		const people = [];
		let phase = 'running';
		let streaming = true;
		const stream = (async () => {
			while (streaming) {
				const person = {
					name: `Stream Person ${people.length + 1}`,
					email: `stream.person.${people.length + 1}@example.org`,
					phase,
				};
				people.push(person);
				await submitKajabiForm(kajabi.url, '2003', { name: person.name, email: person.email });
				await sleep(200);
			}
		})();
		const submitted = async (count) => {
			while (people.length < count) await sleep(50);
		};

		await submitted(8);
		phase = 'stopping';
		const stoppedAt = new Date().toISOString();
		await n8n.stop();
		phase = 'down';
		await sleep(1_500);
		phase = 'starting';
		await n8n.start();
		const restartedAt = Date.now();
		phase = 'restarted';
		await submitted(people.length + 8);
		streaming = false;
		await stream;
		await kajabi.control.idle({ timeoutMs: 30_000 });

		const streamed = kajabi.control
			.deliveries()
			.filter((record) => record.event === 'form_submission' && hookIds.has(record.hookId));
		assert.equal(streamed.length, people.length, 'one delivery per submission');
		const byPhase = (wanted) =>
			streamed.filter((record) => people.find((p) => p.email === emailOf(record)).phase === wanted);
		const failed = streamed.filter((record) => record.state === 'failed');
		log(
			`stream: ${people.length} submissions, ${failed.length} refused while n8n restarted ` +
				`(${['running', 'stopping', 'down', 'starting', 'restarted']
					.map((name) => `${name} ${byPhase(name).length}`)
					.join(', ')})`,
		);
		const beforeStop = byPhase('running').filter((record) => record.finishedAt < stoppedAt);
		assert.ok(
			beforeStop.length > 0 && beforeStop.every((record) => record.ok),
			'a delivery before the stop failed',
		);
		assert.ok(
			byPhase('down').length > 0 && byPhase('down').every((record) => !record.ok),
			'no delivery was sent while n8n was down, or one was taken',
		);
		assert.ok(
			byPhase('restarted').every((record) => record.ok),
			'a delivery after the restart failed',
		);

		await n8n.publicApi(`/workflows/${variant.id}/deactivate`, { method: 'POST' });
		assert.deepEqual(hooksFor(kajabi, url), [], 'unpublishing left hooks behind');
		await n8n.publicApi(`/workflows/${variant.id}/activate`, { method: 'POST' });
		assert.equal(hooksFor(kajabi, url).length, KAJABI_EVENTS.length, 're-publishing: hooks');
		assert.equal(kajabi.state.hooks.length, KAJABI_EVENTS.length, 'a second set of hooks');
		assert.deepEqual(
			hooksFor(kajabi, url)
				.map((hook) => hook.attributes.event)
				.sort(),
			[...KAJABI_EVENTS].sort(),
		);

		// Kajabi publishes no retry policy: stand for it by sending each refused delivery again.
		const again = kajabi.control.redeliver(failed.map((record) => record.id));
		assert.equal(again.length, failed.length);
		await kajabi.control.idle({ timeoutMs: 30_000 });
		assert.ok(
			again.every((record) => record.ok),
			'a delivery sent again after the restart failed',
		);

		// Every execution exists once the stand-in is idle (n8n stores it before it answers); wait
		// for them to finish.
		const executions = await n8n.waitForExecutions(variant.id, earlier.length + people.length, {
			timeoutMs: 120_000,
			settleMs: 2_000,
		});
		const fresh = executions.filter((run) => !earlierIds.has(run.id));
		// An execution n8n started while stopping may be cut short: n8n marks it crashed when it
		// starts again. Its delivery was not answered 2xx, so it was sent again and ran then.
		const crashed = fresh.filter((run) => run.status !== 'success');
		for (const run of crashed) {
			assert.equal(run.status, 'crashed', `execution ${run.id}: ${run.status}`);
			const created = Date.parse(run.startedAt);
			assert.ok(
				created >= Date.parse(stoppedAt) && created <= restartedAt,
				`execution ${run.id} crashed, but was not started while n8n stopped`,
			);
		}
		const succeeded = fresh.filter((run) => run.status === 'success');
		// A delivery that reaches n8n while it shuts down can be stored as an execution and still be
		// answered 500 (n8n's database is closing); n8n runs that execution when it starts again,
		// and the sender, told it failed, sends it again. Only such a delivery may run twice.
		// One that reaches n8n while it starts can pass the Trigger and then fail to start an
		// execution (n8n answers an error): sent again, it must be taken, not skipped as a duplicate.
		const ranTwice = [];
		for (const person of people) {
			const runs = succeeded.filter((run) => triggerLead(run)?.contact.email === person.email);
			const record = streamed.find((candidate) => emailOf(candidate) === person.email);
			const answered5xx = record.answers.some((status) => status !== null && status >= 500);
			if (answered5xx && runs.length === 2) ranTwice.push(person.name);
			else
				assert.equal(
					runs.length,
					1,
					`${person.name} (${person.phase}, answered ${record.answers.join(', ')}): ` +
						`${runs.length} executions`,
				);
			for (const run of runs) assert.equal(routed(run).json.campaign, 'free-guide', person.name);
			const audits = capture
				.requests('/audit')
				.filter((request) => request.body.deliveryId === triggerLead(runs[0]).deliveryId);
			assert.equal(
				audits.length,
				runs.length,
				`${person.name}: ${audits.length} audit log entries`,
			);
		}
		assert.equal(
			succeeded.length,
			people.length + ranTwice.length,
			'successful executions: one per person, no more',
		);
		log(
			`while n8n stopped: ${crashed.length} execution(s) cut short and sent again, ` +
				`${ranTwice.length} answered 500 yet run after the restart and sent again; ` +
				`${streamed.filter((record) => record.ok && record.answers.length > 1).length} ` +
				`answered with an error or not at all, then taken on a retry`,
		);
	},
);

spec('unpublishing the workflow removes its hooks from Kajabi', async () => {
	const url = triggerUrl(variant, n8n.baseUrl);
	assert.equal(hooksFor(kajabi, url).length, KAJABI_EVENTS.length);

	await n8n.publicApi(`/workflows/${variant.id}/deactivate`, { method: 'POST' });

	assert.deepEqual(hooksFor(kajabi, url), []);
	assert.equal(kajabi.state.hooks.length, 0);
});
