'use strict';

/**
 * `npm run demo` (after `npm run build`): a real n8n on http://127.0.0.1:5678 running the example
 * workflow's loopback variant. Its destinations are played by a local capture server and its
 * Kajabi account by the Kajabi stand-in: on start the trigger registers its hooks there, two
 * people then submit Kajabi forms in the stand-in, and every other Kajabi body shape is posted
 * straight to the trigger. Prints what happened to each lead and how to log in, then keeps n8n up
 * until Ctrl-C. Nothing leaves 127.0.0.1.
 *
 * Ports: KAJABI_DEMO_N8N_PORT (5678), KAJABI_DEMO_BROKER_PORT (5688), KAJABI_DEMO_CAPTURE_PORT
 * (5689), KAJABI_DEMO_KAJABI_PORT (5690).
 */

const fs = require('node:fs');
const path = require('node:path');

const { INSPECT_PATH, startCaptureServer } = require('./lib/capture-server');
const { exampleDeliveries, maskEmail } = require('./lib/deliveries');
const {
	STAND_IN_ACCOUNT,
	hooksFor,
	importKajabiCredential,
	startKajabiAccount,
	submitKajabiForm,
} = require('./lib/kajabi-account');
const { REPO_ROOT, ensureN8nInstalled, startN8n } = require('./lib/n8n-server');
const { loopbackVariant, triggerUrl } = require('./lib/workflow-variant');

const PORT = Number(process.env.KAJABI_DEMO_N8N_PORT ?? 5678);
const BROKER_PORT = Number(process.env.KAJABI_DEMO_BROKER_PORT ?? 5688);
const CAPTURE_PORT = Number(process.env.KAJABI_DEMO_CAPTURE_PORT ?? 5689);
const KAJABI_PORT = Number(process.env.KAJABI_DEMO_KAJABI_PORT ?? 5690);

// Who submits a form in the Kajabi stand-in: a paying customer, and someone new to Kajabi.
const FORM_SUBMISSIONS = [
	{ formId: '2001', attributes: { name: 'Ava Martinez', email: 'ava.martinez@example.com' } },
	{
		formId: '2002',
		attributes: {
			name: 'Jordan Blake',
			email: 'jordan.blake@example.net',
			phone_number: '+1 555 010 2099',
		},
	},
];
const USER_FOLDER = path.join(REPO_ROOT, '.demo', 'n8n');

const log = (message) => process.stdout.write(`[demo] ${message}\n`);

async function postAll(url) {
	const posted = [];
	for (const delivery of exampleDeliveries()) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': delivery.contentType },
			body: delivery.body,
			signal: AbortSignal.timeout(10_000),
		});
		const answer = await response.json().catch(() => ({}));
		if (response.status !== 200 || !answer.deliveryId) {
			throw new Error(
				`${delivery.name}: n8n answered ${response.status} ${JSON.stringify(answer)}`,
			);
		}
		posted.push({ delivery, deliveryId: answer.deliveryId });
	}
	return posted;
}

/**
 * One row per lead: how it was sent, who, what, where it was routed, and which destinations
 * got it. `posted` names the bodies posted straight to the trigger, by delivery id.
 */
function leadRows(executions, capture, posted) {
	const sentAs = new Map(posted.map(({ delivery, deliveryId }) => [deliveryId, delivery.name]));
	const sms = capture.requests('/sms');
	const mark = (found) => (found ? '✓' : '–');

	return executions.map((execution) => {
		const runData = execution.data.resultData.runData;
		const lead = runData['Kajabi Trigger']?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
		const routed = (runData['Route to Campaign']?.[0]?.data?.main ?? []).flat()[0]?.json ?? {};
		const sent = (prefix) =>
			capture
				.requests(prefix)
				.some(
					(r) =>
						(r.body?.deliveryId ?? r.body?.records?.[0]?.fields?.['Kajabi Delivery ID']) ===
						lead.deliveryId,
				);
		const email = lead.contact?.email;
		const enrichment = runData['Kajabi: Enrich Lead']?.[0]?.data?.main?.[0]?.[0]?.json?.enrichment;
		const tagged = runData['Kajabi: Tag as Routed']?.[0]?.data?.main?.[0]?.[0]?.json;

		return {
			'sent as':
				sentAs.get(lead.deliveryId) ??
				`stand-in hook (form ${lead.form?.id ?? '?'} submitted there)`,
			who: maskEmail(email),
			source: lead.source ?? '?',
			event: lead.event ?? '?',
			form: lead.form ? `${lead.form.id ?? ''} ${lead.form.title ?? ''}`.trim() : '–',
			kajabi: enrichment?.customerStatus ?? enrichment?.status ?? '?',
			campaign: routed.campaign ?? '?',
			priority: routed.priority ?? '–',
			airtable: mark(sent('/airtable/')),
			clay: mark(sent('/clay')),
			sms: mark(
				sms.some((r) => r.body?.leadEmail === email && r.body?.campaign === routed.campaign),
			),
			tag: mark(tagged !== undefined && !tagged.error),
			audit: mark(sent('/audit')),
		};
	});
}

/**
 * Waits until every lead has run: the posted ones and whatever the stand-in delivered, which
 * grows while the workflow writes tags back (each form and each tag fires a tag_added hook).
 */
async function settle(n8n, kajabi, workflowId, postedCount) {
	let delivered = -1;
	let executions = [];
	for (let round = 0; round < 5; round += 1) {
		await kajabi.control.idle();
		const now = kajabi.control.deliveries().filter((delivery) => delivery.ok).length;
		if (now === delivered) break;
		delivered = now;
		executions = await n8n.waitForExecutions(workflowId, postedCount + delivered, {
			timeoutMs: 60_000,
			settleMs: 1_500,
		});
	}
	return executions;
}

function printTable(rows) {
	const columns = [
		'sent as',
		'who',
		'source',
		'event',
		'form',
		'kajabi',
		'campaign',
		'priority',
		'airtable',
		'clay',
		'sms',
		'tag',
		'audit',
	];
	const width = (column) =>
		Math.max(column.length, ...rows.map((row) => String(row[column]).length));
	const line = (cells) => cells.map((cell, i) => String(cell).padEnd(width(columns[i]))).join('  ');

	process.stdout.write(`\n${line(columns)}\n${line(columns.map((c) => '-'.repeat(width(c))))}\n`);
	for (const row of rows) process.stdout.write(`${line(columns.map((c) => row[c]))}\n`);
	process.stdout.write(`\n${TABLE_KEY}\n\n`);
}

const TABLE_KEY = [
	'Key:',
	'  sent as   "stand-in hook": a form submitted in the Kajabi stand-in, which delivered it as',
	'            Kajabi would; otherwise the Kajabi body shape posted straight to the trigger',
	'  who       the email, masked',
	'  source    the body shape: api_hook (API hook envelope), dashboard, payload_array',
	'  event     and form: as Kajabi sent them (– no form; sample bodies name forms their own way)',
	'  kajabi    what Enrich Lead found in the stand-in: customer, lead (a contact who bought',
	'            nothing) or not_found (the sample bodies name people the stand-in does not hold)',
	"  campaign  the Router's choice: upsell for customers, then the form table, else newsletter",
	'  priority  high for engaged contacts (– none)',
	'  airtable, clay, sms, tag, audit: ✓ sent there, – not sent (an SMS needs a phone; only',
	'            contacts Kajabi knows are tagged)',
].join('\n');

async function main() {
	const started = Date.now();
	let capture;
	let kajabi;
	let n8n;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n, the capture server and the Kajabi stand-in...');
		await n8n?.stop().catch((error) => log(`n8n stop: ${error.message}`));
		await capture?.stop().catch(() => {});
		await kajabi?.close().catch(() => {});
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	try {
		const install = ensureN8nInstalled({ log });
		capture = await startCaptureServer({ port: CAPTURE_PORT });
		log(`capture server (Airtable, Clay, SMS, audit stand-ins) on ${capture.url}`);

		const example = JSON.parse(
			fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'kajabi-lead-routing.json'), 'utf8'),
		);
		kajabi = await startKajabiAccount({ port: KAJABI_PORT, log });
		const variant = loopbackVariant(example, capture.url, { kajabi: STAND_IN_ACCOUNT });

		fs.rmSync(USER_FOLDER, { recursive: true, force: true });
		fs.mkdirSync(USER_FOLDER, { recursive: true });
		// The example itself is imported unpublished, to look at: its destinations are real hosts.
		n8n = await startN8n({
			install,
			port: PORT,
			brokerPort: BROKER_PORT,
			userFolder: USER_FOLDER,
			workflows: [example, variant],
			publish: [variant.id],
			owner: true,
			prepare: (server) => importKajabiCredential(server, kajabi.url),
			log,
		});

		const url = triggerUrl(variant, n8n.baseUrl);
		const hooks = hooksFor(kajabi, url);
		log(`the trigger registered ${hooks.length} Kajabi hooks for ${url}`);

		for (const { formId, attributes } of FORM_SUBMISSIONS) {
			await submitKajabiForm(kajabi.url, formId, attributes);
			log(`${maskEmail(attributes.email)} submitted form ${formId} in Kajabi`);
		}
		await kajabi.control.waitForDeliveries(FORM_SUBMISSIONS.length, {
			filter: (delivery) => delivery.event === 'form_submission',
		});

		log(`posting ${exampleDeliveries().length} more Kajabi deliveries straight to ${url}`);
		const posted = await postAll(url);
		const executions = await settle(n8n, kajabi, variant.id, posted.length);
		await capture.waitFor('/audit', executions.length);

		printTable(leadRows(executions, capture, posted));
		log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		process.stdout.write(
			[
				`Editor:   ${n8n.baseUrl}/workflow/${variant.id}`,
				`Login:    ${n8n.owner.email}`,
				`Password: ${n8n.owner.password}`,
				`Trigger:  ${url}`,
				`Captured: ${capture.url}${INSPECT_PATH}`,
				`Kajabi:   ${kajabi.url} (the stand-in; credential "${STAND_IN_ACCOUNT.credential.name}")`,
				`Logs:     ${n8n.logFile}`,
				'',
				'Press Ctrl-C to stop n8n, the capture server and the Kajabi stand-in.',
				'',
			].join('\n'),
		);
	} catch (error) {
		process.stderr.write(`[demo] failed: ${error.message}\n`);
		await stop(1);
	}
}

main();
