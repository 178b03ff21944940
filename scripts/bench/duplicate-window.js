'use strict';

/**
 * In-process benchmark of the Kajabi Trigger's duplicate window as n8n 2.41 drives it: for each
 * delivery the workflow's static data comes back from JSON, is wrapped by n8n's
 * ObservableObject, goes through the window's check, is wrapped again (the execution's second
 * Workflow), is recorded and marked changed when n8n reads the answer, and is saved as JSON. The window fills
 * to its 10,000 deliveries in memory and 1,000 in static data, as under steady traffic.
 * Prints the time per delivery of the package's part and of the whole; asserts nothing.
 *
 * Settings (environment): BENCH_DELIVERIES (12000), BENCH_PACKAGE_DIR (a build to measure,
 * this repository by default: compare two commits by their digest and time).
 */

const crypto = require('node:crypto');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { ObservableObject } = require('n8n-workflow');

const PACKAGE_DIR = path.resolve(process.env.BENCH_PACKAGE_DIR ?? path.join(__dirname, '..', '..'));
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 12_000);
const PROTECTION = path.join(PACKAGE_DIR, 'dist', 'nodes', 'KajabiTrigger', 'protection');
const { DuplicateWindow } = require(path.join(PROTECTION, 'duplicateWindow'));
const { SharedDuplicates, answerWhenStarted } = require(path.join(PROTECTION, 'sharedDuplicates'));

const WINDOW_MS = 600_000;
const START = 1_750_000_000_000;
// 50 deliveries a second, so the 600 s window holds them all and the memory reaches its cap.
const SPACING_MS = 20;
const REPLAY_EVERY = 10;

const deliveryId = (i) =>
	crypto.createHash('sha256').update(`delivery ${i}`).digest('hex').slice(0, 32);
const wrap = (staticData) =>
	ObservableObject.create(staticData, undefined, { ignoreEmptyOnFirstChild: true });

function run() {
	const local = new DuplicateWindow(WINDOW_MS);
	const answers = [];
	let saved = '{}';
	let packageMs = 0;
	let totalMs = 0;
	const realNow = Date.now;

	for (let i = 0; i < DELIVERIES; i++) {
		const now = START + i * SPACING_MS;
		// The answer's getter records the delivery at Date.now(): keep it on the simulated clock.
		Date.now = () => now;
		const started = performance.now();
		const staticData = { 'node:Kajabi Trigger': JSON.parse(saved) };
		const workflowData = wrap(staticData);

		const checkStarted = performance.now();
		const duplicates = new SharedDuplicates(local, workflowData['node:Kajabi Trigger']);
		answers.push(duplicates.check(deliveryId(i), now));
		const answer = answerWhenStarted({ webhookResponse: { status: 'accepted' } }, duplicates);
		const checkEnded = performance.now();

		wrap(staticData);
		const readStarted = performance.now();
		void answer.webhookResponse;
		// Every tenth delivery arrives twice, as Kajabi's retries would, once the first started.
		if (i % REPLAY_EVERY === 0) {
			const replay = new SharedDuplicates(local, workflowData['node:Kajabi Trigger']);
			answers.push(replay.check(deliveryId(i), now + 5));
		}
		const readEnded = performance.now();
		saved = JSON.stringify(staticData['node:Kajabi Trigger']);

		packageMs += checkEnded - checkStarted + (readEnded - readStarted);
		totalMs += performance.now() - started;
	}
	Date.now = realNow;

	const digestOf = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
	return {
		packageMs,
		totalMs,
		// The answers alone compare builds that store the window in different forms.
		answersDigest: digestOf(JSON.stringify(answers)),
		digest: digestOf(saved + JSON.stringify(answers)),
		storedBytes: saved.length,
		windowSize: local.size,
	};
}

const result = run();
const perDelivery = (ms) => `${((ms / DELIVERIES) * 1000).toFixed(0)} µs`;
console.log(
	`${DELIVERIES.toLocaleString('en-US')} deliveries (every ${REPLAY_EVERY}th twice) through the ` +
		`duplicate window, node ${process.version}, build in ${PACKAGE_DIR}`,
);
console.log(
	`package (check, record and mark)         ${perDelivery(result.packageMs)} per delivery`,
);
console.log(`with n8n's static-data load, wrap, save  ${perDelivery(result.totalMs)} per delivery`);
console.log(
	`static data at the end ${(result.storedBytes / 1024).toFixed(0)} KiB, ` +
		`${result.windowSize} deliveries in process memory; digest ${result.digest}, ` +
		`answers alone ${result.answersDigest}`,
);
