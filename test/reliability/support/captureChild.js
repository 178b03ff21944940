'use strict';

/**
 * Starts captureProcess.js as a child and keeps everything it prints. What the capture server
 * received is read through its own inspect endpoint, as a person would.
 */

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const { INSPECT_PATH } = require('../../../scripts/lib/capture-server');

const SCRIPT = path.join(__dirname, 'captureProcess.js');

async function startCaptureChild(port, { timeoutMs = 15_000 } = {}) {
	const child = spawn(process.execPath, [SCRIPT, String(port)], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const stdout = [];
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr += chunk;
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));

	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('capture server did not start')), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`capture server exited (${code}): ${stderr}`));
		});
		readline.createInterface({ input: child.stdout }).on('line', (line) => {
			stdout.push(line);
			if (stdout.length === 1) {
				clearTimeout(timer);
				resolve(JSON.parse(line).listening);
			}
		});
	});

	async function received() {
		const response = await fetch(`${url}${INSPECT_PATH}`, { signal: AbortSignal.timeout(15_000) });
		return response.json();
	}

	return {
		url,
		/** Every line the process printed, the `listening` line first. */
		output: () => stdout.join('\n'),
		received,
		/** Polls until `count` requests under `pathPrefix` have arrived; rejects after the timeout. */
		async waitFor(pathPrefix, count, { timeoutMs: waitMs = 120_000 } = {}) {
			const started = Date.now();
			for (;;) {
				const requests = (await received()).filter((r) => r.path.startsWith(pathPrefix));
				if (requests.length >= count) return requests;
				if (Date.now() - started > waitMs) {
					throw new Error(
						`capture server: ${requests.length} of ${count} requests to ${pathPrefix} ` +
							`after ${waitMs / 1000} s`,
					);
				}
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

module.exports = { startCaptureChild };
