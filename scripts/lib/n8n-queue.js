'use strict';

/**
 * n8n 2.41.1 in queue mode on loopback: PostgreSQL and Redis of its own (own data folders and
 * ports, run as their system users when started by root), then one main process, webhook
 * processes (`n8n webhook`) and workers (`n8n worker`), all sharing one user folder, so one
 * encryption key and one community-package folder. Used by `scripts/queue-mode/start.sh` and
 * the queue-mode suite in `test/queue/`.
 *
 * Ports (ten in a row from KAJABI_QUEUE_BASE_PORT, 5731 by default; n8n's own 5678 and its
 * neighbours are left to other servers on the machine):
 *   +0 main (editor, REST, public API)   +1 main's task broker   +2 PostgreSQL   +3 Redis
 *   +4, +5 webhook processes             +6, +7 workers' health  +8, +9 workers' task brokers
 */

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { N8nServer } = require('./n8n-server');

const DATABASE = 'n8n';
const DATABASE_USER = 'n8n';
const WEBHOOK_READY_LINE = 'Webhook listener waiting for requests.';
const WORKER_READY_LINE = 'n8n worker is now ready';
// At least 5 is what n8n advises per worker; two workers of 5 are plenty for two cores.
const WORKER_CONCURRENCY = 5;

function queuePorts(base = Number(process.env.KAJABI_QUEUE_BASE_PORT ?? 5731)) {
	return {
		main: base,
		mainBroker: base + 1,
		postgres: base + 2,
		redis: base + 3,
		webhooks: [base + 4, base + 5],
		workerHealth: [base + 6, base + 7],
		workerBrokers: [base + 8, base + 9],
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file, lines = 30) {
	if (!fs.existsSync(file)) return `(no ${file})`;
	return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

async function checkPortsFree(ports) {
	const taken = [];
	for (const port of ports) if (!(await portIsFree(port))) taken.push(port);
	if (taken.length > 0) {
		throw new Error(`ports not free on 127.0.0.1: ${taken.join(', ')} (a leftover run?)`);
	}
}

/** The newest PostgreSQL server binaries Debian installed, or null. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

function redisBinary() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Installs PostgreSQL and Redis with apt-get when either is missing (root only). Debian's
 * packages try to start their own services on the default ports; on a machine without systemd
 * nothing starts, and the clusters here never use those ports.
 */
function ensureServicesInstalled({ log = () => {} } = {}) {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!redisBinary()) missing.push('redis-server');
	if (missing.length === 0) return;

	if (process.getuid?.() !== 0) {
		throw new Error(`queue mode needs ${missing.join(' and ')}: install them (apt-get install)`);
	}
	log(`installing ${missing.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', ...missing],
	]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: 'pipe' });
		if (result.status !== 0) {
			throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr}`);
		}
	}
}

/** As root, PostgreSQL and Redis run as their own users (PostgreSQL refuses root). */
function asServiceUser(user, command, args) {
	if (process.getuid?.() !== 0) return { command, args };
	return {
		command: 'setpriv',
		args: [`--reuid=${user}`, `--regid=${user}`, '--init-groups', '--', command, ...args],
	};
}

function ownBy(user, folder) {
	if (process.getuid?.() !== 0) return;
	const result = spawnSync('chown', ['-R', `${user}:${user}`, folder], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`chown ${user} ${folder}: ${result.stderr}`);
}

/** A server process in its own process group, its output in a log file. */
class ServiceProcess {
	constructor({ name, command, args, env = process.env, cwd, logFile }) {
		Object.assign(this, { name, command, args, env, cwd, logFile });
		this.child = null;
		this.exited = null;
		this.onExit = () => this.killNow();
	}

	start() {
		const out = fs.openSync(this.logFile, 'a');
		this.logOffset = fs.statSync(this.logFile).size;
		this.child = spawn(this.command, this.args, {
			cwd: this.cwd,
			env: this.env,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		this.exited = null;
		this.child.once('exit', (code, signal) => {
			this.exited = { code, signal };
		});
		process.once('exit', this.onExit);
		return this;
	}

	get pid() {
		return this.child?.pid;
	}

	logText() {
		if (!fs.existsSync(this.logFile)) return '';
		return fs.readFileSync(this.logFile, 'utf8');
	}

	/** Waits until the log (from this start on) holds `line`, or `probe()` resolves true. */
	async waitUntilReady({ line, probe, timeoutMs = 120_000 }) {
		const started = Date.now();
		for (;;) {
			if (line && this.logText().slice(this.logOffset).includes(line)) break;
			if (probe && (await probe().catch(() => false))) break;
			if (this.exited) {
				throw new Error(
					`${this.name} exited during start (${this.exited.code ?? this.exited.signal}); ` +
						`log ${this.logFile}:\n${tail(this.logFile)}`,
				);
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`${this.name} not ready after ${timeoutMs / 1000} s; log ${this.logFile}:\n` +
						tail(this.logFile),
				);
			}
			await sleep(200);
		}
		this.startSeconds = (Date.now() - started) / 1000;
		return this.startSeconds;
	}

	/** SIGTERM (or `signal`) to the group, SIGKILL after the timeout; resolves once it is gone. */
	async stop({ signal = 'SIGTERM', timeoutMs = 20_000 } = {}) {
		const child = this.child;
		if (!child) return;
		process.removeListener('exit', this.onExit);
		if (!this.exited) {
			const gone = new Promise((resolve) => child.once('exit', resolve));
			this.signalGroup(signal);
			const timer = setTimeout(() => this.signalGroup('SIGKILL'), timeoutMs);
			await gone;
			clearTimeout(timer);
		}
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

	killNow() {
		if (this.child && !this.exited) this.signalGroup('SIGKILL');
	}
}

/** A throwaway PostgreSQL cluster on loopback, trusting local connections, fsync off. */
async function startPostgres({ folder, port, log = () => {} }) {
	const bin = postgresBinDir();
	const dataDir = path.join(folder, 'postgres');
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	ownBy('postgres', dataDir);

	const initdb = asServiceUser('postgres', path.join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		DATABASE_USER,
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--locale=C',
		'--no-sync',
	]);
	const init = spawnSync(initdb.command, initdb.args, { encoding: 'utf8', cwd: folder });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

	const server = asServiceUser('postgres', path.join(bin, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=60',
	]);
	const postgres = new ServiceProcess({
		name: 'postgres',
		...server,
		cwd: folder,
		logFile: path.join(folder, 'postgres.log'),
	}).start();
	await postgres.waitUntilReady({
		line: 'database system is ready to accept connections',
		timeoutMs: 60_000,
	});
	log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (pid ${postgres.pid})`);
	return postgres;
}

async function startRedis({ folder, port, log = () => {} }) {
	const dataDir = path.join(folder, 'redis');
	fs.mkdirSync(dataDir, { recursive: true });
	const user = process.getuid?.() === 0 ? 'redis' : null;
	if (user) ownBy(user, dataDir);

	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--protected-mode',
		'yes',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dataDir,
		'--daemonize',
		'no',
	];
	const command = user
		? asServiceUser(user, redisBinary(), args)
		: { command: redisBinary(), args };
	const redis = new ServiceProcess({
		name: 'redis',
		...command,
		cwd: folder,
		logFile: path.join(folder, 'redis.log'),
	}).start();
	await redis.waitUntilReady({ line: 'Ready to accept connections', timeoutMs: 30_000 });
	log(`Redis on 127.0.0.1:${port} (pid ${redis.pid})`);
	return redis;
}

/** n8n's own `pg` client (pure JavaScript), so no psql is needed to read or seed the database. */
function pgClientClass(n8nDir) {
	return require(path.join(n8nDir, 'node_modules', 'pg')).Client;
}

async function withDatabase(n8nDir, port, database, fn) {
	const Client = pgClientClass(n8nDir);
	const client = new Client({ host: '127.0.0.1', port, user: DATABASE_USER, database });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/** The settings every n8n process of the cluster shares on top of the loopback ones. */
function queueEnvironment(baseEnv, ports) {
	return {
		...baseEnv,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(ports.redis),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(ports.postgres),
		DB_POSTGRESDB_DATABASE: DATABASE,
		DB_POSTGRESDB_USER: DATABASE_USER,
		DB_POSTGRESDB_PASSWORD: '',
		// Production webhooks are the webhook processes' work; the Kajabi hooks that the trigger
		// registers from the main process point at the first of them.
		N8N_WEBHOOK_URL: `http://127.0.0.1:${ports.webhooks[0]}/`,
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		// Workers and webhook processes answer on loopback only.
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}

/**
 * The whole cluster. `start()` brings everything up in order (services, then the main process,
 * which runs the migrations and activates the workflows, then webhook processes and workers in
 * parallel); `stop()` takes it down in the reverse order.
 */
class N8nQueueCluster {
	/**
	 * @param {object} options
	 * @param {{n8nDir: string, nodeBinDir: string}} options.install from ensureN8nInstalled()
	 * @param {string} [options.folder] holds the user folder, the data folders and every log
	 * @param {number} [options.webhookProcesses] 1 or 2
	 * @param {number} [options.workers] 1 or 2
	 */
	constructor({ install, folder, webhookProcesses = 2, workers = 2, log = () => {} }) {
		this.install = install;
		this.log = log;
		this.ports = queuePorts();
		this.folder = folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-queue-'));
		// PostgreSQL and Redis run as other users and must reach their folders inside this one.
		fs.chmodSync(this.folder, 0o755);
		this.webhookCount = Math.min(2, Math.max(1, webhookProcesses));
		this.workerCount = Math.min(2, Math.max(1, workers));
		this.userFolder = path.join(this.folder, 'n8n');
		fs.mkdirSync(this.userFolder, { recursive: true });

		this.main = new N8nServer({
			install,
			userFolder: this.userFolder,
			port: this.ports.main,
			brokerPort: this.ports.mainBroker,
			log,
		});
		this.main.env = queueEnvironment(this.main.env, this.ports);
		this.main.logFile = path.join(this.folder, 'n8n-main.log');
		this.webhooks = [];
		this.workers = [];
		this.postgres = null;
		this.redis = null;
		this.timings = {};
	}

	get webhookUrls() {
		return this.ports.webhooks.slice(0, this.webhookCount).map((p) => `http://127.0.0.1:${p}`);
	}

	async checkPorts() {
		const { main, mainBroker, postgres, redis, webhooks, workerHealth, workerBrokers } = this.ports;
		await checkPortsFree([
			main,
			mainBroker,
			postgres,
			redis,
			...webhooks.slice(0, this.webhookCount),
			...workerHealth.slice(0, this.workerCount),
			...workerBrokers.slice(0, this.workerCount),
		]);
	}

	/** PostgreSQL and Redis, and the database n8n will migrate. */
	async startServices() {
		ensureServicesInstalled({ log: this.log });
		await this.checkPorts();
		const started = Date.now();
		this.postgres = await startPostgres({
			folder: this.folder,
			port: this.ports.postgres,
			log: this.log,
		});
		await withDatabase(this.install.n8nDir, this.ports.postgres, 'postgres', (client) =>
			client.query(`create database ${DATABASE}`),
		);
		this.redis = await startRedis({ folder: this.folder, port: this.ports.redis, log: this.log });
		this.timings.servicesSeconds = (Date.now() - started) / 1000;
	}

	/** A query against n8n's database. */
	async query(sql, params = []) {
		return withDatabase(this.install.n8nDir, this.ports.postgres, DATABASE, async (client) => {
			const result = await client.query(sql, params);
			return result.rows;
		});
	}

	/**
	 * The public API key, written straight into n8n's table (no CLI makes one): the legacy
	 * `n8n_api_` prefix skips the JWT check, and the owner's scopes come from n8n's own list.
	 */
	async createApiKey() {
		const apiKey = `n8n_api_${crypto.randomBytes(24).toString('hex')}`;
		const { OWNER_API_KEY_SCOPES } = require(
			path.join(this.install.n8nDir, 'node_modules', '@n8n', 'permissions'),
		);
		const rows = await this.query(
			'insert into user_api_keys (id, "userId", label, "apiKey", scopes, audience) ' +
				`select $1, id, 'loopback', $2, $3, 'public-api' from "user" ` +
				`where "roleSlug" = 'global:owner' limit 1 returning id`,
			['loopback-key', apiKey, JSON.stringify(OWNER_API_KEY_SCOPES)],
		);
		if (rows.length !== 1) throw new Error('no owner row to give the API key to');
		this.main.apiKey = apiKey;
		return apiKey;
	}

	webhookProcess(index) {
		const port = this.ports.webhooks[index];
		return new ServiceProcess({
			name: `n8n webhook ${index + 1}`,
			command: path.join(this.install.nodeBinDir, 'node'),
			args: [this.main.n8nBin, 'webhook'],
			cwd: this.userFolder,
			env: { ...this.main.env, N8N_PORT: String(port) },
			logFile: path.join(this.folder, `n8n-webhook-${index + 1}.log`),
		});
	}

	workerProcess(index) {
		return new ServiceProcess({
			name: `n8n worker ${index + 1}`,
			command: path.join(this.install.nodeBinDir, 'node'),
			args: [this.main.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`],
			cwd: this.userFolder,
			env: {
				...this.main.env,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.ports.workerHealth[index]),
				N8N_RUNNERS_BROKER_PORT: String(this.ports.workerBrokers[index]),
			},
			logFile: path.join(this.folder, `n8n-worker-${index + 1}.log`),
		});
	}

	/**
	 * Everything up. `prepare(main)` runs after the package is installed and the database
	 * migrated (the first CLI call migrates it): import credentials and workflows there.
	 */
	async start({ prepare = () => {}, publish = [] } = {}) {
		const started = Date.now();
		await this.startServices();
		this.main.installPackage();
		await prepare(this.main);
		for (const id of publish) this.main.publishWorkflow(id);
		await this.createApiKey();

		await this.main.start({ timeoutMs: 180_000 });
		this.timings.mainSeconds = this.main.startSeconds;

		const processes = [];
		for (let i = 0; i < this.webhookCount; i++) this.webhooks.push(this.webhookProcess(i));
		for (let i = 0; i < this.workerCount; i++) this.workers.push(this.workerProcess(i));
		for (const webhook of this.webhooks) {
			processes.push(webhook.start().waitUntilReady({ line: WEBHOOK_READY_LINE }));
		}
		for (const worker of this.workers) {
			processes.push(worker.start().waitUntilReady({ line: WORKER_READY_LINE }));
		}
		await Promise.all(processes);
		this.timings.webhookSeconds = this.webhooks.map((p) => p.startSeconds);
		this.timings.workerSeconds = this.workers.map((p) => p.startSeconds);
		this.timings.totalSeconds = (Date.now() - started) / 1000;
		this.log(
			`queue mode up in ${this.timings.totalSeconds.toFixed(1)} s: main ${this.main.baseUrl}, ` +
				`webhooks ${this.webhookUrls.join(' ')}, ${this.workerCount} workers`,
		);
	}

	/** Stops one webhook process and starts it again, as a deploy or a crash would. */
	async restartWebhook(index) {
		const webhook = this.webhooks[index];
		await webhook.stop();
		webhook.start();
		return webhook.waitUntilReady({ line: WEBHOOK_READY_LINE });
	}

	/** Which worker logged the start of each execution id. */
	executionsByWorker() {
		return this.workers.map((worker) => {
			const ids = [...worker.logText().matchAll(/Worker started execution (\d+)/g)];
			return new Set(ids.map((match) => match[1]));
		});
	}

	logs() {
		return [this.main.logFile, ...this.webhooks, ...this.workers].map((p) =>
			typeof p === 'string' ? p : p.logFile,
		);
	}

	/** n8n first (webhooks, workers, main), then Redis and PostgreSQL. Safe to call twice. */
	async stop() {
		await Promise.all([...this.webhooks, ...this.workers].map((p) => p.stop()));
		await this.main.stop();
		await this.redis?.stop();
		// SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is left to recover.
		await this.postgres?.stop({ signal: 'SIGINT' });
	}

	removeFolder() {
		fs.rmSync(this.folder, { recursive: true, force: true });
	}
}

module.exports = {
	N8nQueueCluster,
	ServiceProcess,
	WORKER_CONCURRENCY,
	ensureServicesInstalled,
	queueEnvironment,
	queuePorts,
};
