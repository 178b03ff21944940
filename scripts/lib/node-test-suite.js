'use strict';

/**
 * Runs one of the suites under test/ that use node's own test runner (the end-to-end, browser,
 * queue-mode and reliability suites), and exits with the runner's exit code.
 *
 * The files are listed one by one: Node 20 accepts a folder after --test, Node 22+ reads it as a
 * glob pattern and finds nothing. With the suite's TAP variable set (KAJABI_E2E_TAP, say), a TAP
 * report is also written there, for .ci/run to count.
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * @param {object} options
 * @param {string} options.suite the folder under test/, e.g. 'e2e'
 * @param {string} options.tapVariable the environment variable naming the TAP report's file
 * @param {string[]} [options.runnerArgs] more arguments for node --test
 */
function runNodeTestSuite({ suite, tapVariable, runnerArgs = [] }) {
	const files = fs
		.readdirSync(path.join(ROOT, 'test', suite))
		.filter((name) => name.endsWith('.test.js'))
		.sort()
		.map((name) => path.join('test', suite, name));

	const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
	const tapFile = process.env[tapVariable];
	if (tapFile) {
		fs.mkdirSync(path.dirname(path.resolve(tapFile)), { recursive: true });
		reporters.push('--test-reporter=tap', `--test-reporter-destination=${path.resolve(tapFile)}`);
	}

	const started = Date.now();
	const result = spawnSync(process.execPath, ['--test', ...reporters, ...runnerArgs, ...files], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	process.stderr.write(`[${suite}] test run took ${seconds} s\n`);
	process.exit(result.status ?? 1);
}

module.exports = { ROOT, runNodeTestSuite };
