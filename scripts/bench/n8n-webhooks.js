'use strict';

/**
 * Webhook benchmark on one real n8n 2.41.1 on loopback: a bare Webhook node, a Webhook node with
 * a Code node doing the Kajabi mapping by hand, and the Kajabi Trigger with the Campaign Router,
 * fed the same distinct Kajabi bodies at the same concurrency with autocannon. Prints deliveries
 * per second, latency percentiles, how soon n8n finishes the executions, and n8n's memory
 * before, during and after. Asserts nothing. Needs `npm run build` first (the package is packed
 * from dist/).
 *
 * The three workflows take turns: each round sends one slice of the bodies to each workflow,
 * in a rotated order, so a neighbour's load on a shared machine falls on all three alike.
 *
 * Settings (environment): BENCH_REQUESTS (10000 per workflow), BENCH_ROUNDS (5),
 * BENCH_WARMUP (300), BENCH_CONCURRENCY (10), BENCH_SAVE ("all,none": one n8n per
 * execution-saving setting), BENCH_N8N_PORT (5711; the task broker takes the next port),
 * BENCH_MAX_SECONDS (600 per autocannon run), BENCH_DUPLICATE_WINDOW (600, the Trigger's
 * default), BENCH_WORKFLOWS ("bare,diy,kajabi"), BENCH_JSON (a file for the figures),
 * BENCH_CPU_PROF (a folder: n8n runs with --cpu-prof and writes its profile there when it
 * stops; read it with cpu-profile-summary.js), BENCH_PACKAGE_DIR (another build of this package
 * to install, e.g. an older commit's, to compare).
 */

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const autocannon = require('autocannon');

const { distinctDeliveries } = require('../lib/distinct-deliveries');
const { ExecutionCounter } = require('../lib/execution-counter');
const { REPO_ROOT, N8nServer, ensureN8nInstalled } = require('../lib/n8n-server');
const { processTreeRss } = require('../lib/process-memory');
const { benchWorkflows } = require('./webhook-workflows');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SAVE_MODES = (process.env.BENCH_SAVE ?? 'all,none').split(',').map((mode) => mode.trim());
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5711);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 600);
const DUPLICATE_WINDOW = Number(process.env.BENCH_DUPLICATE_WINDOW ?? 600);
const WORKFLOWS = (process.env.BENCH_WORKFLOWS ?? 'bare,diy,kajabi')
	.split(',')
	.map((k) => k.trim());
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
const PACKAGE_DIR = path.resolve(process.env.BENCH_PACKAGE_DIR ?? REPO_ROOT);
// Kept apart from the measured bodies, so warming up leaves nothing in the duplicate window.
const WARMUP_FIRST_NUMBER = 1_000_000;
const RSS_SAMPLE_MS = 500;
const IDLE_BEFORE_LAST_RSS_MS = 5_000;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Ctrl-C or a CI timeout must not leave an n8n behind: the exit hook of N8nServer does not run
// when a signal ends the process.
let running = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		running?.killNow();
		process.exit(130);
	});
}

/**
 * One bounded autocannon run: as many POSTs as there are bodies, each body once, over
 * `connections` connections, stopped after MAX_SECONDS whatever happens. Resolves with the
 * counts and every response time.
 */
function load(url, bodies, connections) {
	let next = 0;
	const latencies = [];
	const started = performance.now();
	let lastAnswer = started;
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url,
				method: 'POST',
				connections,
				amount: bodies.length,
				timeout: 30,
				headers: { 'content-type': 'application/json' },
				requests: [
					{
						setupRequest(request) {
							request.body = bodies[next++ % bodies.length];
							return request;
						},
					},
				],
			},
			(error, result) => {
				clearTimeout(guard);
				if (error) return reject(error);
				resolve({
					ok: result['2xx'],
					non2xx: result.non2xx,
					errors: result.errors,
					timeouts: result.timeouts,
					// Up to the last answer: autocannon's own duration, and its callback, wait for the
					// next whole second.
					seconds: (lastAnswer - started) / 1000,
					latencies,
				});
			},
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => {
			latencies.push(responseTime);
			lastAnswer = performance.now();
		});
		const guard = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
	});
}

function percentile(sorted, fraction) {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Peak resident memory of n8n and its task runner while a phase runs. */
function sampleRss(pid) {
	const peak = { main: 0, children: 0 };
	const take = () => {
		const now = processTreeRss(pid);
		peak.main = Math.max(peak.main, now.main ?? 0);
		peak.children = Math.max(peak.children, now.children ?? 0);
	};
	take();
	const timer = setInterval(take, RSS_SAMPLE_MS);
	return () => {
		clearInterval(timer);
		take();
		return peak;
	};
}

/** The order of round `round`: the list rotated by one more place each round. */
function rotated(list, round) {
	const shift = round % list.length;
	return [...list.slice(shift), ...list.slice(0, shift)];
}

async function startBenchN8n(install, saveMode, cases) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-bench-n8n-'));
	const server = new N8nServer({ install, userFolder, port: PORT, brokerPort: PORT + 1, log });
	running = server;
	// The environment is read at each CLI call and at start: set before them, it is one setting
	// for this n8n only.
	server.env.EXECUTIONS_DATA_SAVE_ON_SUCCESS = saveMode;
	server.env.EXECUTIONS_DATA_SAVE_ON_ERROR = 'all';

	await server.checkPorts();
	server.installPackage(PACKAGE_DIR);
	server.importWorkflows(cases.map(({ workflow }) => workflow));
	for (const { workflow } of cases) server.publishWorkflow(workflow.id);
	if (CPU_PROF) {
		// Set after the CLI calls, so only the server is profiled.
		fs.mkdirSync(CPU_PROF, { recursive: true });
		server.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${CPU_PROF}`;
	}
	await server.start();
	return server;
}

async function runOneN8n(install, saveMode, bodies, warmupBodies) {
	const cases = benchWorkflows({ duplicateWindowSeconds: DUPLICATE_WINDOW }).filter(({ key }) =>
		WORKFLOWS.includes(key),
	);
	const server = await startBenchN8n(install, saveMode, cases).catch(async (error) => {
		await running?.stop();
		throw error;
	});
	const counter = new ExecutionCounter(server);
	const pid = server.child.pid;
	const figures = {
		saveOnSuccess: saveMode,
		startSeconds: server.startSeconds,
		rssMiB: { afterStart: processTreeRss(pid) },
		workflows: {},
	};
	const totals = Object.fromEntries(
		cases.map(({ key }) => [
			key,
			{ ok: 0, non2xx: 0, errors: 0, seconds: 0, drainSeconds: 0, latencies: [], load: [] },
		]),
	);

	try {
		for (const { label, workflow, path: urlPath } of cases) {
			log(`${label}: warming up with ${WARMUP} deliveries`);
			const warm = await load(`${server.baseUrl}${urlPath}`, warmupBodies, CONCURRENCY);
			if (warm.ok !== WARMUP) throw new Error(`${label}: warm-up got ${warm.ok} of ${WARMUP} 2xx`);
			await counter.waitForFinished(workflow.id, WARMUP);
		}
		figures.rssMiB.beforeMeasured = processTreeRss(pid);

		const stopSampling = sampleRss(pid);
		const slice = Math.ceil(bodies.length / ROUNDS);
		for (let round = 0; round < ROUNDS; round++) {
			const part = bodies.slice(round * slice, (round + 1) * slice);
			for (const { key, label, workflow, path: urlPath } of rotated(cases, round)) {
				const total = totals[key];
				const stored = (await counter.finished(workflow.id)).finished;
				const result = await load(`${server.baseUrl}${urlPath}`, part, CONCURRENCY);
				total.drainSeconds += await counter.waitForFinished(workflow.id, stored + result.ok);
				total.ok += result.ok;
				total.non2xx += result.non2xx;
				total.errors += result.errors;
				total.seconds += result.seconds;
				total.latencies.push(...result.latencies);
				total.load.push(os.loadavg()[0]);
				log(
					`round ${round + 1}/${ROUNDS} ${label}: ${part.length} in ` +
						`${result.seconds.toFixed(1)} s, load ${os.loadavg()[0].toFixed(1)}`,
				);
			}
		}
		figures.rssMiB.peakMeasured = stopSampling();
		await sleep(IDLE_BEFORE_LAST_RSS_MS);
		figures.rssMiB.afterMeasured = processTreeRss(pid);

		for (const { key, label, workflow } of cases) {
			const total = totals[key];
			const sorted = total.latencies.sort((a, b) => a - b);
			figures.workflows[key] = {
				label,
				ok: total.ok,
				non2xx: total.non2xx,
				errors: total.errors,
				seconds: total.seconds,
				perSecond: total.ok / total.seconds,
				drainSeconds: total.drainSeconds,
				executionsPerSecond: total.ok / (total.seconds + total.drainSeconds),
				latencyMs: {
					p50: percentile(sorted, 0.5),
					p90: percentile(sorted, 0.9),
					p99: percentile(sorted, 0.99),
					max: sorted[sorted.length - 1] ?? null,
				},
				loadAverage: Math.max(...total.load),
				executions: (await counter.finished(workflow.id)).counts,
			};
		}
		return figures;
	} finally {
		counter.close();
		await server.stop();
		running = null;
		fs.rmSync(server.userFolder, { recursive: true, force: true });
	}
}

function machine(install) {
	const n8nPackage = path.join(install.n8nDir, 'node_modules', 'n8n', 'package.json');
	const cpus = os.cpus();
	return {
		nproc: cpus.length,
		cpu: cpus[0]?.model ?? 'unknown',
		memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
		loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
		benchNode: process.version,
		n8nNode: execFileSync(path.join(install.nodeBinDir, 'node'), ['-v'], {
			encoding: 'utf8',
		}).trim(),
		n8n: JSON.parse(fs.readFileSync(n8nPackage, 'utf8')).version,
	};
}

const mib = (value) => (value === null || value === undefined ? '–' : `${value.toFixed(0)}`);
const pad = (value, width) => String(value).padStart(width);
const ms = (value) => (value === null ? '–' : value.toFixed(0));
const rss = (sample) => `${mib(sample.main)} + ${mib(sample.children)}`;

function print(report) {
	const { machine: m, settings: s } = report;
	console.log(
		`n8n ${m.n8n} on Node ${m.n8nNode}; autocannon on Node ${m.benchNode} on the same machine; ` +
			`${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB; load average at start ${m.loadAverage.join(' ')}`,
	);
	console.log(
		`${s.requests} distinct Kajabi deliveries per workflow in ${s.rounds} rounds (after ` +
			`${s.warmup} each to warm up), concurrency ${s.concurrency}, every workflow answering at ` +
			`once; Kajabi Trigger duplicate window ${s.duplicateWindowSeconds} s; ` +
			'N8N_EXPRESSION_ENGINE=legacy',
	);
	if (s.package !== REPO_ROOT) console.log(`package built in ${s.package}`);

	for (const run of report.runs) {
		const r = run.rssMiB;
		console.log('');
		console.log(
			`EXECUTIONS_DATA_SAVE_ON_SUCCESS=${run.saveOnSuccess}: n8n started in ` +
				`${run.startSeconds.toFixed(1)} s; RSS MiB (n8n + task runner): after start ` +
				`${rss(r.afterStart)}, before the measured deliveries ${rss(r.beforeMeasured)}, ` +
				`peak ${rss(r.peakMeasured)}, after them ${rss(r.afterMeasured)}`,
		);
		console.log(
			'workflow                       deliveries/s  p50 ms  p90 ms  p99 ms  max ms  ' +
				'failed  finished/s  max load',
		);
		for (const figures of Object.values(run.workflows)) {
			const { latencyMs: l } = figures;
			console.log(
				`${figures.label.padEnd(30)} ${pad(figures.perSecond.toFixed(1), 12)} ` +
					`${pad(ms(l.p50), 7)} ${pad(ms(l.p90), 7)} ${pad(ms(l.p99), 7)} ${pad(ms(l.max), 7)} ` +
					`${pad(figures.non2xx + figures.errors, 7)} ` +
					`${pad(figures.executionsPerSecond.toFixed(1), 11)} ${pad(figures.loadAverage.toFixed(1), 9)}`,
			);
			const failed = Object.entries(figures.executions).filter(
				([status]) => !['success', 'deleted'].includes(status),
			);
			if (failed.length > 0) {
				console.log(`  executions that did not succeed: ${JSON.stringify(failed)}`);
			}
		}
		const { bare, diy, kajabi } = run.workflows;
		if (bare && diy && kajabi) {
			const ratio = (a, b) => (a.perSecond / b.perSecond).toFixed(2);
			const latency = (a, b, p) => (a.latencyMs[p] / b.latencyMs[p]).toFixed(2);
			console.log(
				`(3)/(1): deliveries/s ${ratio(kajabi, bare)}, p50 ${latency(kajabi, bare, 'p50')}, ` +
					`p99 ${latency(kajabi, bare, 'p99')}; (3)/(2): deliveries/s ${ratio(kajabi, diy)}, ` +
					`p50 ${latency(kajabi, diy, 'p50')}, p99 ${latency(kajabi, diy, 'p99')}`,
			);
		}
	}
}

async function main() {
	if (!fs.existsSync(path.join(PACKAGE_DIR, 'dist', 'nodes', 'KajabiTrigger'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const install = ensureN8nInstalled({ log });
	const report = {
		machine: machine(install),
		settings: {
			requests: REQUESTS,
			rounds: ROUNDS,
			warmup: WARMUP,
			concurrency: CONCURRENCY,
			duplicateWindowSeconds: DUPLICATE_WINDOW,
			package: PACKAGE_DIR,
		},
		runs: [],
	};

	const bodies = distinctDeliveries(REQUESTS).map((delivery) => delivery.text);
	const warmupBodies = distinctDeliveries(WARMUP, { start: WARMUP_FIRST_NUMBER }).map(
		(delivery) => delivery.text,
	);

	for (const mode of SAVE_MODES) {
		log(`n8n with EXECUTIONS_DATA_SAVE_ON_SUCCESS=${mode}`);
		report.runs.push(await runOneN8n(install, mode, bodies, warmupBodies));
	}

	print(report);
	if (process.env.BENCH_JSON) {
		fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(report, null, 2) + '\n');
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
