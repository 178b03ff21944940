'use strict';

/**
 * Builds the package and runs the queue-mode suite (`test/queue/`) under node's own test runner
 * against n8n 2.41.1 in queue mode on loopback (PostgreSQL, Redis, main, two webhook processes,
 * two workers; see docs/queue-mode.md). Exits with the runner's exit code. With KAJABI_QUEUE_TAP
 * set, a TAP report is also written there.
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const QUEUE_DIR = path.join(ROOT, 'test', 'queue');

const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Listed one by one: Node 22+ reads a folder after --test as a glob pattern.
const files = fs
	.readdirSync(QUEUE_DIR)
	.filter((name) => name.endsWith('.test.js'))
	.map((name) => path.join('test', 'queue', name));

const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.KAJABI_QUEUE_TAP) {
	fs.mkdirSync(path.dirname(path.resolve(process.env.KAJABI_QUEUE_TAP)), { recursive: true });
	reporters.push(
		'--test-reporter=tap',
		`--test-reporter-destination=${process.env.KAJABI_QUEUE_TAP}`,
	);
}

const started = Date.now();
const result = spawnSync(process.execPath, ['--test', ...reporters, ...files], {
	cwd: ROOT,
	stdio: 'inherit',
});
process.stderr.write(`[queue] test run took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(result.status ?? 1);
