'use strict';

/**
 * A loopback stand-in for the example workflow's destinations (Airtable, Clay, the SMS
 * scheduler, the audit log). It records every request and answers in the shape the real
 * service would, so the workflow runs on as it would in production.
 */

const crypto = require('node:crypto');
const http = require('node:http');

// Header values that could carry a credential are never kept, only the fact they were sent.
const SECRET_HEADER = /authorization|cookie|token|secret|api-key|apikey|signature/i;
const MAX_BODY_BYTES = 1024 * 1024;
// A person can look at what arrived (GET) or clear it (DELETE) here; these calls are not recorded.
const INSPECT_PATH = '/_capture/requests';

function redactHeaders(headers) {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			SECRET_HEADER.test(name) ? '[redacted]' : value,
		]),
	);
}

function parseJson(text) {
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** What Airtable answers to a create or upsert: each record back with an id and a timestamp. */
function airtableAnswer(body) {
	const records = Array.isArray(body?.records) ? body.records : [{ fields: body ?? {} }];
	return {
		records: records.map((record) => ({
			id: `rec${crypto.randomBytes(7).toString('hex')}`,
			fields: record.fields ?? {},
			createdTime: new Date().toISOString(),
		})),
	};
}

class CaptureServer {
	constructor() {
		this.received = [];
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.url = null;
	}

	/** Listens on 127.0.0.1; port 0 picks a free one. Resolves with the base URL. */
	async start({ port = 0 } = {}) {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', resolve);
		});
		this.url = `http://127.0.0.1:${this.server.address().port}`;
		return this.url;
	}

	handle(req, res) {
		if (req.url === INSPECT_PATH) return this.inspect(req, res);

		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const json = parseJson(text);
			const path = req.url ?? '/';
			this.received.push({
				method: req.method,
				path,
				headers: redactHeaders(req.headers),
				body: json === undefined ? text : json,
				receivedAt: new Date().toISOString(),
			});

			const answer = path.startsWith('/airtable/') ? airtableAnswer(json) : { ok: true };
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer));
		});
	}

	inspect(req, res) {
		if (req.method === 'DELETE') this.clear();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(this.received, null, 2));
	}

	/** The recorded requests, oldest first; with a prefix, only those whose path starts with it. */
	requests(pathPrefix = '/') {
		return this.received.filter((request) => request.path.startsWith(pathPrefix));
	}

	clear() {
		this.received = [];
	}

	/** Resolves once `count` requests under `pathPrefix` have arrived, or rejects after the timeout. */
	async waitFor(pathPrefix, count, { timeoutMs = 15_000 } = {}) {
		const started = Date.now();
		while (this.requests(pathPrefix).length < count) {
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`capture server: ${this.requests(pathPrefix).length} of ${count} requests to ` +
						`${pathPrefix} after ${timeoutMs / 1000} s`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return this.requests(pathPrefix);
	}

	async stop() {
		if (!this.server.listening) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}
}

/** Starts a capture server and resolves with it; `server.url` is its base URL. */
async function startCaptureServer(options) {
	const server = new CaptureServer();
	await server.start(options);
	return server;
}

module.exports = { CaptureServer, INSPECT_PATH, startCaptureServer, redactHeaders };
