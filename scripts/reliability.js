'use strict';

/**
 * Runs the reliability suite (test/reliability) under node's own test runner, after
 * `npm run build`: hostile bodies against the built Trigger in-process, then a real n8n on
 * loopback for the hostile sample, the burst, the replays and the log search. Exits with the
 * runner's exit code.
 *
 * The files are listed one by one (Node 22+ reads a folder after --test as a glob pattern).
 * With KAJABI_RELIABILITY_TAP set, a TAP report is also written there, for CI to count.
 * Extra arguments are passed to node --test (e.g. --test-name-pattern=hostile).
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SUITE_DIR = path.join(ROOT, 'test', 'reliability');

const files = fs
	.readdirSync(SUITE_DIR)
	.filter((name) => name.endsWith('.test.js'))
	.sort()
	.map((name) => path.join('test', 'reliability', name));

const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.KAJABI_RELIABILITY_TAP) {
	const tap = path.resolve(process.env.KAJABI_RELIABILITY_TAP);
	fs.mkdirSync(path.dirname(tap), { recursive: true });
	reporters.push('--test-reporter=tap', `--test-reporter-destination=${tap}`);
}

const started = Date.now();
// One file at a time: the in-process property run and the real n8n both want the CPU.
const result = spawnSync(
	process.execPath,
	['--test', '--test-concurrency=1', ...reporters, ...process.argv.slice(2), ...files],
	{ cwd: ROOT, stdio: 'inherit' },
);
process.stderr.write(
	`[reliability] test run took ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(result.status ?? 1);
