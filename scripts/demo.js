'use strict';

/**
 * `npm run demo` (after `npm run build`): a real n8n on http://127.0.0.1:5678 running the example
 * workflow's loopback variant, fed with every Kajabi body shape, its destinations played by a
 * local capture server. Prints what happened to each lead and how to log in, then keeps n8n up
 * until Ctrl-C. Nothing leaves 127.0.0.1.
 *
 * Ports: KAJABI_DEMO_N8N_PORT (5678), KAJABI_DEMO_BROKER_PORT (5688), KAJABI_DEMO_CAPTURE_PORT
 * (5689).
 */

const fs = require('node:fs');
const path = require('node:path');

const { INSPECT_PATH, startCaptureServer } = require('./lib/capture-server');
const { leadDeliveries, maskEmail } = require('./lib/deliveries');
const { REPO_ROOT, ensureN8nInstalled, startN8n } = require('./lib/n8n-server');
const { loopbackVariant, triggerUrl } = require('./lib/workflow-variant');

const PORT = Number(process.env.KAJABI_DEMO_N8N_PORT ?? 5678);
const BROKER_PORT = Number(process.env.KAJABI_DEMO_BROKER_PORT ?? 5688);
const CAPTURE_PORT = Number(process.env.KAJABI_DEMO_CAPTURE_PORT ?? 5689);
const USER_FOLDER = path.join(REPO_ROOT, '.demo', 'n8n');

const log = (message) => process.stdout.write(`[demo] ${message}\n`);

async function postAll(url) {
	const posted = [];
	for (const delivery of leadDeliveries()) {
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

/** One row per lead: who, what, where it was routed, and which destinations got it. */
function leadRows(executions, capture) {
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

		return {
			who: maskEmail(email),
			event: lead.event ?? '?',
			form: lead.form ? `${lead.form.id ?? ''} ${lead.form.title ?? ''}`.trim() : '–',
			campaign: routed.campaign ?? '?',
			airtable: mark(sent('/airtable/')),
			clay: mark(sent('/clay')),
			sms: mark(
				sms.some((r) => r.body?.leadEmail === email && r.body?.campaign === routed.campaign),
			),
			audit: mark(sent('/audit')),
		};
	});
}

function printTable(rows) {
	const columns = ['who', 'event', 'form', 'campaign', 'airtable', 'clay', 'sms', 'audit'];
	const width = (column) =>
		Math.max(column.length, ...rows.map((row) => String(row[column]).length));
	const line = (cells) => cells.map((cell, i) => String(cell).padEnd(width(columns[i]))).join('  ');

	process.stdout.write(`\n${line(columns)}\n${line(columns.map((c) => '-'.repeat(width(c))))}\n`);
	for (const row of rows) process.stdout.write(`${line(columns.map((c) => row[c]))}\n`);
	process.stdout.write('\n');
}

async function main() {
	const started = Date.now();
	let capture;
	let n8n;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the capture server...');
		await n8n?.stop().catch((error) => log(`n8n stop: ${error.message}`));
		await capture?.stop().catch(() => {});
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
		const variant = loopbackVariant(example, capture.url);

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
			log,
		});

		const url = triggerUrl(variant, n8n.baseUrl);
		log(`posting ${leadDeliveries().length} Kajabi deliveries to ${url}`);
		const posted = await postAll(url);
		const executions = await n8n.waitForExecutions(variant.id, posted.length, {
			timeoutMs: 60_000,
		});
		await capture.waitFor('/audit', posted.length);

		printTable(leadRows(executions, capture));
		log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		process.stdout.write(
			[
				`Editor:   ${n8n.baseUrl}/workflow/${variant.id}`,
				`Login:    ${n8n.owner.email}`,
				`Password: ${n8n.owner.password}`,
				`Trigger:  ${url}`,
				`Captured: ${capture.url}${INSPECT_PATH}`,
				`Logs:     ${n8n.logFile}`,
				'',
				'Press Ctrl-C to stop n8n and the capture server.',
				'',
			].join('\n'),
		);
	} catch (error) {
		process.stderr.write(`[demo] failed: ${error.message}\n`);
		await stop(1);
	}
}

main();
