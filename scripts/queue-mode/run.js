'use strict';

/**
 * n8n 2.41.1 in queue mode on loopback with this package, kept running until Ctrl-C:
 * PostgreSQL, Redis, the main process (editor and public API), two webhook processes and two
 * workers, with the example workflow's loopback variant published against the Kajabi stand-in
 * and the capture server. `scripts/queue-mode/start.sh` builds the package and runs this.
 */

const fs = require('node:fs');
const path = require('node:path');

const { startCaptureServer } = require('../lib/capture-server');
const {
	STAND_IN_ACCOUNT,
	importKajabiCredential,
	startKajabiAccount,
} = require('../lib/kajabi-account');
const { REPO_ROOT, ensureN8nInstalled } = require('../lib/n8n-server');
const { N8nQueueCluster } = require('../lib/n8n-queue');
const { loopbackVariant, triggerUrl } = require('../lib/workflow-variant');

const log = (message) => process.stderr.write(`[queue-mode] ${message}\n`);

async function main() {
	const install = ensureN8nInstalled({ log });
	const example = JSON.parse(
		fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'kajabi-lead-routing.json'), 'utf8'),
	);
	const capture = await startCaptureServer();
	const kajabi = await startKajabiAccount({ log });
	const variant = loopbackVariant(example, capture.url, { kajabi: STAND_IN_ACCOUNT });

	fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
	const folder = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'queue-mode-'));
	const cluster = new N8nQueueCluster({ install, folder, log });

	let stopping = null;
	const stop = () => {
		stopping ??= (async () => {
			log('stopping n8n, Redis and PostgreSQL');
			await cluster.stop();
			await capture.stop();
			await kajabi.close();
			log(`stopped; logs and data kept in ${folder}`);
		})();
		return stopping;
	};
	process.once('SIGINT', () => stop().then(() => process.exit(0)));
	process.once('SIGTERM', () => stop().then(() => process.exit(0)));

	try {
		await cluster.start({
			prepare: (n8n) => {
				importKajabiCredential(n8n, kajabi.url);
				n8n.importWorkflows([variant]);
			},
			publish: [variant.id],
		});
		const owner = await cluster.main.setupOwner();
		const [first, second] = cluster.webhookUrls;
		process.stdout.write(
			[
				'',
				`Editor and public API (main process): ${cluster.main.baseUrl}`,
				`  log in as ${owner.email} with password ${owner.password}`,
				`Production URL (webhook process 1):   ${triggerUrl(variant, first)}`,
				`Production URL (webhook process 2):   ${triggerUrl(variant, second)}`,
				`Kajabi stand-in:                      ${kajabi.url}`,
				`Capture server (destinations):        ${capture.url}/_capture/requests`,
				`PostgreSQL 127.0.0.1:${cluster.ports.postgres} (user n8n, database n8n), Redis 127.0.0.1:${cluster.ports.redis}`,
				`Logs: ${folder}`,
				'Ctrl-C stops everything.',
				'',
			].join('\n'),
		);
	} catch (error) {
		await stop();
		throw error;
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
