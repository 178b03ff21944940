'use strict';

/**
 * `npm run test:e2e` runs this after `npm run build`: the end-to-end suite under node's own test
 * runner (not jest), against a real n8n. Exits with the runner's exit code.
 *
 * The files are listed one by one: Node 20 accepts a folder after --test, Node 22+ reads it as a
 * glob pattern and finds nothing. With KAJABI_E2E_TAP set, a TAP report is also written there
 * (.ci/run counts passes and failures from it).
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const E2E_DIR = path.resolve(__dirname, '..', 'test', 'e2e');

const files = fs
	.readdirSync(E2E_DIR)
	.filter((name) => name.endsWith('.test.js'))
	.map((name) => path.join('test', 'e2e', name));

const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.KAJABI_E2E_TAP) {
	fs.mkdirSync(path.dirname(path.resolve(process.env.KAJABI_E2E_TAP)), { recursive: true });
	reporters.push(
		'--test-reporter=tap',
		`--test-reporter-destination=${process.env.KAJABI_E2E_TAP}`,
	);
}

const started = Date.now();
const result = spawnSync(process.execPath, ['--test', ...reporters, ...files], {
	cwd: path.resolve(__dirname, '..'),
	stdio: 'inherit',
});
process.stderr.write(`[e2e] test run took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(result.status ?? 1);
