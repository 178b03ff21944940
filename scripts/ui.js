'use strict';

/**
 * Runs the browser tests (test/ui) under node's own test runner, against a real n8n and Debian's
 * Chromium; run `npm run build` first, the package is packed from dist/. Exits with the runner's
 * exit code.
 *
 * The files are listed one by one: Node 20 accepts a folder after --test, Node 22+ reads it as a
 * glob pattern and finds nothing. With KAJABI_UI_TAP set, a TAP report is also written there.
 * With KAJABI_UI_DOCS_IMAGES set, the README's screenshots in docs/images/ are taken anew.
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const UI_DIR = path.resolve(__dirname, '..', 'test', 'ui');

const files = fs
	.readdirSync(UI_DIR)
	.filter((name) => name.endsWith('.test.js'))
	.map((name) => path.join('test', 'ui', name));

const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.KAJABI_UI_TAP) {
	fs.mkdirSync(path.dirname(path.resolve(process.env.KAJABI_UI_TAP)), { recursive: true });
	reporters.push('--test-reporter=tap', `--test-reporter-destination=${process.env.KAJABI_UI_TAP}`);
}

const started = Date.now();
const result = spawnSync(process.execPath, ['--test', ...reporters, ...files], {
	cwd: path.resolve(__dirname, '..'),
	stdio: 'inherit',
});
process.stderr.write(`[ui] test run took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(result.status ?? 1);
