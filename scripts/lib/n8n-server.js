'use strict';

/**
 * A real n8n (the cached 2.41.1 under the cached Node 24) on loopback, with SQLite in a fresh
 * user folder and this repository installed as a community package. Used by the demo and the
 * end-to-end suite, in this order: install, load the package, import and publish the workflows
 * (the CLI's changes are not seen by a running n8n), start, read executions, stop.
 */

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-n8n.sh');
const READY_LINE = 'Editor is now accessible via';
const LOG_TAIL_LINES = 40;

// Not a secret: it only protects the throwaway SQLite database of one run.
const ENCRYPTION_KEY = 'kajabi-connect-loopback-encryption-key';

/** Runs scripts/install-n8n.sh (a no-op when the cache is complete) and returns its folders. */
function ensureN8nInstalled({ log = () => {} } = {}) {
	const started = Date.now();
	const result = spawnSync('bash', [INSTALL_SCRIPT, '--print-env'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) {
		throw new Error(`scripts/install-n8n.sh failed with exit code ${result.status}`);
	}

	const values = Object.fromEntries(
		result.stdout
			.split('\n')
			.filter((line) => line.includes('='))
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
	const install = {
		n8nDir: values.N8N_DIR,
		nodeBinDir: values.NODE_BIN_DIR,
		seconds: (Date.now() - started) / 1000,
	};
	log(`n8n install ready in ${install.seconds.toFixed(1)} s: ${install.n8nDir}`);
	return install;
}

/**
 * Packs a package folder the way npm would publish it and unpacks it where n8n looks for
 * community packages, so node types keep the `<package name>.` prefix. Returns the package name.
 * N8N_CUSTOM_EXTENSIONS would rename every type to `CUSTOM.*` and break imported workflows.
 */
function installCommunityPackage({ packageDir = REPO_ROOT, userFolder }) {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-pack-'));
	try {
		const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], {
			cwd: packageDir,
			encoding: 'utf8',
		});
		if (pack.status !== 0) {
			throw new Error(`npm pack failed in ${packageDir}:\n${pack.stderr}`);
		}
		const [{ name, filename }] = JSON.parse(pack.stdout);

		const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
		fs.mkdirSync(target, { recursive: true });
		const untar = spawnSync(
			'tar',
			['-xzf', path.join(packDir, path.basename(filename)), '-C', target, '--strip-components=1'],
			{ encoding: 'utf8' },
		);
		if (untar.status !== 0) {
			throw new Error(`could not unpack ${filename}:\n${untar.stderr}`);
		}
		return name;
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

/** The n8n release installed in a folder from install-n8n.sh, as [major, minor, patch]. */
function n8nVersionOf(n8nDir) {
	const manifest = path.join(n8nDir, 'node_modules', 'n8n', 'package.json');
	const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	const parts = String(version).split('.').map(Number);
	if (parts.length < 2 || parts.some(Number.isNaN)) {
		throw new Error(`cannot read the n8n version in ${manifest}: ${version}`);
	}
	return parts;
}

/**
 * n8n on loopback with nothing phoning home: no telemetry, version checks, templates, banners
 * or licence renewal, and every execution saved so it can be read back. Settings that only the
 * 2.10+ lines know are set for those alone: 2.8 refuses to start with a module name it lacks.
 */
function n8nEnvironment({ userFolder, port, brokerPort, nodeBinDir, n8nDir }) {
	// n8n settings from the caller's shell (a queue mode, a Postgres database) must not leak in.
	const n8nSettings = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|NODE_PATH$|NODE_OPTIONS$)/;
	const base = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !n8nSettings.test(key)),
	);
	// Without a folder (a caller that predates the version matrix), the newest line is assumed.
	const [major, minor] = n8nDir ? n8nVersionOf(n8nDir) : [2, 41];
	const newerLine = major > 2 || (major === 2 && minor >= 10);
	// Only the 2.10+ lines know these (2.41 is the one tried); 2.8.4 exits on the module name
	// and reads the webhook base URL from WEBHOOK_URL.
	const lineSettings = newerLine
		? {
				// Without this, 2.41 calls api.n8n.io at start for the MCP server registry.
				N8N_DISABLED_MODULES: 'mcp-registry',
				// Activate published workflows synchronously during start, before the "ready" line.
				N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
				// Expressions run in the legacy in-process evaluator, not the default isolated-vm
				// `vm` engine, which adds about 100 ms to every webhook. Workflows here use plain
				// expressions.
				N8N_EXPRESSION_ENGINE: 'legacy',
			}
		: { WEBHOOK_URL: `http://127.0.0.1:${port}/` };
	return {
		...base,
		PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}`,
		// As in n8n's own image: error answers then carry no stack trace with local paths.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// The task broker listens on 5679 by default, which may be a neighbour's n8n port.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_PYTHON_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// The node panel would otherwise ask api.n8n.io for n8n's list of verified packages.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		SCARF_ANALYTICS: 'false',
		DO_NOT_TRACK: '1',
		DB_TYPE: 'sqlite',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		GENERIC_TIMEZONE: 'UTC',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		...lineSettings,
	};
}

function tail(file, lines = LOG_TAIL_LINES) {
	if (!fs.existsSync(file)) return `(no ${file})`;
	return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A password n8n accepts (8-64 characters, a digit, an upper-case letter) that nobody chose. */
function generatePassword() {
	return `Kj${crypto.randomBytes(12).toString('base64url')}7`;
}

class N8nServer {
	/**
	 * @param {object} options
	 * @param {{n8nDir: string, nodeBinDir: string}} options.install from ensureN8nInstalled()
	 * @param {string} [options.userFolder] a fresh folder is made when absent
	 * @param {number} options.port
	 * @param {number} options.brokerPort
	 * @param {(message: string) => void} [options.log]
	 */
	constructor({ install, userFolder, port, brokerPort, log = () => {} }) {
		if (port === brokerPort) throw new Error('the task broker needs a port of its own');
		this.install = install;
		this.port = port;
		this.brokerPort = brokerPort;
		this.log = log;
		this.userFolder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-n8n-'));
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = path.join(this.userFolder, 'n8n.log');
		this.cliLogFile = path.join(this.userFolder, 'n8n-cli.log');
		this.databaseFile = path.join(this.userFolder, '.n8n', 'database.sqlite');
		this.n8nBin = path.join(install.n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
		this.env = n8nEnvironment({
			userFolder: this.userFolder,
			port,
			brokerPort,
			nodeBinDir: install.nodeBinDir,
			n8nDir: install.n8nDir,
		});
		this.child = null;
		this.apiKey = null;
		this.owner = null;
		this.onExit = () => this.killNow();
	}

	/** Fails at once, before the slow CLI steps, when a port is taken (a leftover n8n, say). */
	async checkPorts() {
		for (const port of [this.port, this.brokerPort]) {
			await new Promise((resolve, reject) => {
				const probe = net.createServer();
				probe.once('error', (error) =>
					reject(new Error(`port ${port} on 127.0.0.1 is not free (${error.code})`)),
				);
				probe.listen(port, '127.0.0.1', () => probe.close(resolve));
			});
		}
	}

	installPackage(packageDir = REPO_ROOT) {
		const name = installCommunityPackage({ packageDir, userFolder: this.userFolder });
		this.log(`community package ${name} unpacked into ${this.userFolder}/.n8n/nodes`);
		return name;
	}

	/** Runs one n8n CLI command to completion; its output goes to n8n-cli.log and is returned. */
	cli(args, { timeoutMs = 120_000 } = {}) {
		const started = Date.now();
		const result = spawnSync(path.join(this.install.nodeBinDir, 'node'), [this.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env,
			encoding: 'utf8',
			timeout: timeoutMs,
		});
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
		fs.appendFileSync(this.cliLogFile, `$ n8n ${args.join(' ')}\n${output}\n`);
		if (result.status !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}); ` +
					`log ${this.cliLogFile}:\n${tail(this.cliLogFile)}`,
			);
		}
		this.log(`n8n ${args[0]} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return output;
	}

	/** Writes the workflows to one folder and imports them in one CLI call (the first one runs the migrations). */
	importWorkflows(workflows) {
		const folder = fs.mkdtempSync(path.join(this.userFolder, 'import-'));
		for (const workflow of workflows) {
			fs.writeFileSync(path.join(folder, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		}
		return this.cli(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/** Must run before start: a running n8n does not see what the CLI publishes. */
	publishWorkflow(workflowId) {
		return this.cli(['publish:workflow', `--id=${workflowId}`]);
	}

	/** The node types this n8n loads, as `n8n export:nodes` lists them (names with their prefix). */
	exportNodeTypes() {
		const file = path.join(this.userFolder, 'node-types.json');
		this.cli(['export:nodes', `--output=${file}`]);
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	}

	/**
	 * n8n has no CLI for API keys. A key row with the legacy `n8n_api_` prefix skips the JWT check;
	 * it belongs to the owner shell user the migrations create and carries the owner's scopes.
	 */
	createApiKey() {
		const apiKey = `n8n_api_${crypto.randomBytes(24).toString('hex')}`;
		const script = `
			const sqlite3 = require('sqlite3');
			const { OWNER_API_KEY_SCOPES } = require('@n8n/permissions');
			const [file, key] = process.argv.slice(1);
			const db = new sqlite3.Database(file);
			db.run(
				"insert into user_api_keys (id, userId, label, apiKey, scopes, audience) " +
				"select ?, id, 'loopback', ?, ?, 'public-api' from user where roleSlug = 'global:owner' limit 1",
				['loopback-key', key, JSON.stringify(OWNER_API_KEY_SCOPES)],
				function (error) {
					if (error) { console.error(error.message); process.exit(1); }
					if (this.changes !== 1) { console.error('no owner row'); process.exit(1); }
					db.close();
				},
			);`;
		const result = spawnSync(
			path.join(this.install.nodeBinDir, 'node'),
			['-e', script, this.databaseFile, apiKey],
			{ cwd: this.install.n8nDir, encoding: 'utf8', env: this.env, timeout: 30_000 },
		);
		if (result.status !== 0) {
			throw new Error(`could not create the API key: ${result.stderr || result.error?.message}`);
		}
		this.apiKey = apiKey;
		return apiKey;
	}

	/** Starts `n8n start` in its own process group and waits until published webhooks answer. */
	async start({ timeoutMs = 90_000 } = {}) {
		const started = Date.now();
		// A restart appends to the same log: only lines written from here on say it is ready.
		const logOffset = this.logText().length;
		const out = fs.openSync(this.logFile, 'a');
		this.child = spawn(path.join(this.install.nodeBinDir, 'node'), [this.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		process.once('exit', this.onExit);

		let exited = null;
		this.child.once('exit', (code, signal) => {
			exited = { code, signal };
		});

		// /healthz answers seconds before the webhooks are registered; the ready line comes after.
		while (!this.logText().slice(logOffset).includes(READY_LINE)) {
			if (exited) {
				throw new Error(
					`n8n exited during start (${exited.code ?? exited.signal}); log ${this.logFile}:\n` +
						tail(this.logFile),
				);
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`n8n not ready after ${timeoutMs / 1000} s; log ${this.logFile}:\n${tail(this.logFile)}`,
				);
			}
			await sleep(200);
		}
		this.startSeconds = (Date.now() - started) / 1000;
		this.log(`n8n ready on ${this.baseUrl} in ${this.startSeconds.toFixed(1)} s`);
	}

	logText() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	logTail(lines) {
		return tail(this.logFile, lines);
	}

	/** The owner account a person logs in with; n8n accepts this call once, before any owner exists. */
	async setupOwner({ email = 'owner@kajabi-connect.test', password = generatePassword() } = {}) {
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, password, firstName: 'Demo', lastName: 'Owner' }),
			signal: AbortSignal.timeout(15_000),
		});
		if (!response.ok) {
			throw new Error(`owner setup answered ${response.status}: ${await response.text()}`);
		}
		this.owner = { email, password };
		return this.owner;
	}

	async publicApi(pathAndQuery, { method = 'GET' } = {}) {
		if (!this.apiKey) throw new Error('createApiKey() must run before start()');
		const response = await fetch(`${this.baseUrl}/api/v1${pathAndQuery}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.apiKey, accept: 'application/json' },
			signal: AbortSignal.timeout(15_000),
		});
		if (!response.ok) {
			throw new Error(
				`${method} /api/v1${pathAndQuery} answered ${response.status}: ${await response.text()}`,
			);
		}
		return response.json();
	}

	/** Every stored execution of a workflow, oldest first, with its run data. */
	async listExecutions(workflowId, { includeData = true } = {}) {
		const executions = [];
		let cursor = null;
		do {
			const query = new URLSearchParams({
				workflowId,
				includeData: String(includeData),
				limit: '100',
				...(cursor ? { cursor } : {}),
			});
			const page = await this.publicApi(`/executions?${query}`);
			executions.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return executions.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * Polls until a workflow has at least `count` finished executions, then waits `settleMs`
	 * more to catch executions that should not exist (a duplicate that slipped through).
	 */
	async waitForExecutions(workflowId, count, { timeoutMs = 30_000, settleMs = 0 } = {}) {
		const started = Date.now();
		const running = new Set(['new', 'running', 'waiting']);
		for (;;) {
			const executions = await this.listExecutions(workflowId);
			const finished = executions.filter((execution) => !running.has(execution.status));
			if (finished.length >= count && finished.length === executions.length) {
				if (settleMs > 0) {
					await sleep(settleMs);
					return this.listExecutions(workflowId);
				}
				return executions;
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`workflow ${workflowId}: ${finished.length} of ${count} executions finished after ` +
						`${timeoutMs / 1000} s (${executions.length} stored); log ${this.logFile}:\n` +
						tail(this.logFile),
				);
			}
			await sleep(250);
		}
	}

	/** Ends n8n and its task runner (the whole process group); resolves once the leader is gone. */
	async stop({ timeoutMs = 15_000 } = {}) {
		const child = this.child;
		if (!child) return;
		process.removeListener('exit', this.onExit);
		if (child.exitCode === null && child.signalCode === null) {
			const gone = new Promise((resolve) => child.once('exit', resolve));
			this.signalGroup('SIGTERM');
			const timer = setTimeout(() => this.signalGroup('SIGKILL'), timeoutMs);
			await gone;
			clearTimeout(timer);
		}
		// The task runner may outlive the leader by a moment; the group must not linger.
		this.signalGroup('SIGKILL');
		this.child = null;
	}

	signalGroup(signal) {
		try {
			process.kill(-this.child.pid, signal);
		} catch (error) {
			if (error.code !== 'ESRCH') throw error;
		}
	}

	/** Synchronous last resort when the parent process exits without calling stop(). */
	killNow() {
		if (this.child) this.signalGroup('SIGKILL');
	}
}

/**
 * Everything in order: install the package, import the workflows, publish the ones asked for,
 * create an API key, start, and set up an owner when asked.
 *
 * @param {object} options
 * @param {object[]} options.workflows workflow JSON objects, each with an `id`
 * @param {string[]} [options.publish] ids of the workflows to activate
 * @param {boolean} [options.owner] set up an owner account a person can log in with
 * @param {(server: N8nServer) => void} [options.prepare] runs before the import (credentials, say)
 */
async function startN8n({
	install,
	port,
	brokerPort,
	userFolder,
	packageDir = REPO_ROOT,
	workflows = [],
	publish = [],
	owner = false,
	prepare = () => {},
	log = () => {},
}) {
	const server = new N8nServer({ install, port, brokerPort, userFolder, log });
	await server.checkPorts();
	try {
		server.installPackage(packageDir);
		prepare(server);
		server.importOutput = workflows.length > 0 ? server.importWorkflows(workflows) : '';
		server.publishOutput = publish.map((id) => server.publishWorkflow(id)).join('\n');
		server.createApiKey();
		await server.start();
		if (owner) await server.setupOwner();
		return server;
	} catch (error) {
		await server.stop().catch(() => {});
		throw error;
	}
}

module.exports = {
	N8nServer,
	REPO_ROOT,
	ensureN8nInstalled,
	installCommunityPackage,
	n8nEnvironment,
	n8nVersionOf,
	startN8n,
};
