'use strict';

/**
 * The capture server (scripts/lib/capture-server.js) as a process of its own, so its output can
 * be read like a real destination's log: one JSON line per request with the method, path,
 * status, body size and headers, redacted as the capture server redacts them. Bodies are never
 * printed. The first line is `{"listening": "<url>"}`.
 *
 *   node test/reliability/support/captureProcess.js <port>
 */

const { redactHeaders, startCaptureServer } = require('../../../scripts/lib/capture-server');

async function main() {
	const port = Number(process.argv[2] ?? 0);
	const capture = await startCaptureServer({ port });

	capture.server.on('request', (req, res) => {
		let bytes = 0;
		req.on('data', (chunk) => {
			bytes += chunk.length;
		});
		res.on('finish', () => {
			const line = {
				method: req.method,
				path: req.url,
				status: res.statusCode,
				bytes,
				headers: redactHeaders(req.headers),
			};
			process.stdout.write(`${JSON.stringify(line)}\n`);
		});
	});

	const stop = () => capture.stop().then(() => process.exit(0));
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	// The parent going away (a crashed test run) must not leave this server listening.
	process.stdin.on('end', stop);
	process.stdin.resume();

	process.stdout.write(`${JSON.stringify({ listening: capture.url })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
