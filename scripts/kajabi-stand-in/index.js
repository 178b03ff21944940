'use strict';

/**
 * A local stand-in for Kajabi's Public API (spec v1.1.0, `spec/kajabi-openapi.yaml`) and for
 * Kajabi's webhooks, for tests and the demo. It answers every operation of the spec under `/v1`
 * in the shapes the spec documents, fires API hooks to loopback URLs, and takes orders from a
 * control interface (`control`, and HTTP under `/__control/`). Not part of the npm package.
 *
 * What the spec does not say, and the stand-in had to guess:
 * - Tokens are opaque strings, not JWTs. Refreshing replaces the refresh token and leaves the
 *   old access token valid until it expires. Revoking either token ends both. Client
 *   credentials are read from the form body only (no HTTP Basic). A token request without a
 *   grant type is 400 `invalid_request`; the username/password exchange is not offered.
 * - Permission names beyond the spec's hook table (`view:contacts`, `view:purchases`,
 *   `view:transactions`, `view:orders`, `view:form_submissions`) follow the same pattern:
 *   `view:<resource>` to read and `manage:<resource>` to write. The owner key holds `*`.
 *   Operations whose spec lists no 403 (contact notes, `GET /v1/transactions/{id}`, hooks
 *   list/show/delete, `me`) check no permission.
 * - Page size defaults to 20 and is capped at 100 everywhere (the spec says so for contact
 *   notes only); `meta.total_pages` is 0 for an empty list; payouts page 10 at a time.
 * - Unknown filters, sort fields and includes are ignored. `filter[search]` is a
 *   case-insensitive substring match on name or email. Lists default to id order, except
 *   contacts, customers, notes, purchases, transactions, orders, order items and form
 *   submissions, which list newest first.
 * - Answers Kajabi does not document: 404 for an unknown id on every path with an id; 400 for
 *   `GET /v1/contacts` without `filter[site_id]` on a two-site account (the spec says the
 *   filter is then required) and for payouts without `filter[site_id]`; 422 for a form
 *   submission without name or email; 404 for unknown paths.
 * - Contact create/update answer 422 for an invalid or taken email (per site, case-insensitive)
 *   and for attributes the site does not have; `external_user_id` can be set only on a contact
 *   that is a customer. Contacts carry `custom_N` for the custom fields their site defines.
 *   Deleting a contact also deletes its customer record and notes; purchases stay.
 *   A successful delete answers `{"data": {}}`.
 * - An offer grant is recorded as a free purchase (source `grant`); revoking deactivates it.
 *   A grant fires no hook. Welcome emails are only counted (`control.welcomeEmails()`).
 * - A form submission fills in the contact's empty fields, applies the form's tags (firing
 *   `tag_added`) and grants the form's offer. `custom_N` appear in the submission only when
 *   submitted.
 * - Hook deliveries: the envelope `id` is the submission, purchase, transaction, order, or
 *   (for tag events) contact id. `resource_id` matches the form, the offer, or the tag. Each
 *   delivery is tried up to 3 times (network error, timeout, 429 or 5xx), 5 s per attempt;
 *   redirects are not followed; it is a JSON POST with user-agent `kajabi-stand-in`.
 *   Dashboard bodies for real purchases leave the affiliate keys null.
 * - Other guesses: `GET /v1/me` answers type `users`; a form with no offer carries no `offer`
 *   relationship (its schema allows no null there); a contact that is not a customer has
 *   `links.customer: ""` and no customer relationship, as in the tag_added sample.
 * - 429 (with `Retry-After` in seconds), injected 5xx and 503 bodies use the JSON:API error
 *   shape; Kajabi publishes none of them.
 */

const http = require('node:http');

const { TokenStore, bearerToken, hasPermission } = require('./lib/auth');
const { CONTROL_PREFIX, controlRequest, createControl } = require('./lib/control');
const { Deliveries, isLoopbackUrl } = require('./lib/deliveries');
const { Events } = require('./lib/events');
const { Faults } = require('./lib/faults');
const { ApiError, JSON_API, errorDocument } = require('./lib/jsonApi');
const { createRouter } = require('./lib/routing');
const { FORMS_ONLY_KEY, OWNER_KEY } = require('./lib/seed');
const { createState } = require('./lib/store');

const ROUTES = [
	...require('./routes/oauth'),
	...require('./routes/account'),
	...require('./routes/contacts'),
	...require('./routes/relationships'),
	...require('./routes/contactTags'),
	...require('./routes/customers'),
	...require('./routes/commerce'),
	...require('./routes/catalog'),
	...require('./routes/forms'),
	...require('./routes/contactNotes'),
	...require('./routes/hooks'),
	...require('./routes/siteContent'),
];

const MAX_BODY_BYTES = 1024 * 1024;
const BEARER_CHALLENGE = 'Bearer error="invalid_token"';
const DOWN_MODES = ['unavailable', 'refused'];

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new ApiError(400, 'the request body is larger than 1 MB'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Form bodies become plain objects, JSON bodies are parsed, an empty body is null. */
function parseBody(text, contentType) {
	if (text.trim() === '') return null;
	if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new ApiError(400, 'the request body is not valid JSON', '');
	}
}

function send(res, status, body, { contentType = JSON_API, headers = {} } = {}) {
	const payload = body === null || body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		...(payload ? { 'content-type': contentType } : {}),
		'content-length': Buffer.byteLength(payload),
	});
	res.end(payload);
}

function sendError(res, status, detail, { pointer = '', headers = {} } = {}) {
	send(res, status, errorDocument(status, detail, pointer), { headers });
}

function assertLoopbackHost(host) {
	if (!isLoopbackUrl(`http://${host.includes(':') ? `[${host}]` : host}/`)) {
		throw new Error(`the Kajabi stand-in only listens on loopback, not on ${host}`);
	}
}

/**
 * Starts the stand-in. `port` 0 picks a free port. `seed` replaces or adjusts the seeded data
 * (see lib/store.js). `delivery` tunes webhook delivery: `{attempts, timeoutMs, backoffMs}`.
 * `log(level, message, meta)` hears about requests the stand-in failed to answer.
 * Resolves with `{url, port, state, control, close()}`.
 */
async function createKajabiStandIn(options = {}) {
	const { port = 0, host = '127.0.0.1', tokenLifetimeSeconds = 7200, seed, delivery } = options;
	const log = options.log ?? (() => {});
	assertLoopbackHost(host);

	const state = createState(seed);
	const tokens = new TokenStore({ state, lifetimeSeconds: tokenLifetimeSeconds });
	const faults = new Faults();
	const deliveries = new Deliveries(delivery);
	const match = createRouter(ROUTES);
	const sockets = new Set();
	const pauses = new Map();
	let baseUrl = null;
	let boundPort = null;
	let upTimer = null;
	let refuseTimer = null;
	let closed = false;

	const events = new Events({ state, deliveries, baseUrl: () => baseUrl });

	function pause(ms) {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				pauses.delete(timer);
				resolve();
			}, ms);
			pauses.set(timer, resolve);
		});
	}

	function authenticate(req, route) {
		if (route.auth === false) return null;

		const token = bearerToken(req.headers);
		if (!token)
			throw new ApiError(401, 'The Authorization header is missing or is not a Bearer token');
		const checked = tokens.check(token);
		if (checked.problem) throw new ApiError(401, checked.problem);
		return checked.key;
	}

	function permit(key, permission) {
		if (key && !hasPermission(key, permission)) {
			const names = [].concat(permission).join(', ');
			throw new ApiError(403, `This API key lacks the permission ${names}`);
		}
	}

	/** Answers with the fault under way, if any (down, over budget, a burst); true if it did. */
	function answeredWithFault(res, pathname) {
		if (faults.downMode === 'unavailable') {
			faults.counters.unavailable += 1;
			sendError(res, 503, 'The Kajabi API is unavailable (stand-in fault)');
			return true;
		}
		const retryAfter = faults.overBudget();
		if (retryAfter !== null) {
			sendError(res, 429, 'Too many requests; retry later', {
				headers: { 'retry-after': String(retryAfter) },
			});
			return true;
		}
		const injected = faults.injectedFailure(pathname);
		if (injected !== null) {
			sendError(res, injected, 'Injected failure (stand-in fault)');
			return true;
		}
		return false;
	}

	function contextFor(req, url, found, key, text) {
		return {
			req,
			state,
			tokens,
			events,
			baseUrl,
			pathname: url.pathname,
			query: url.searchParams,
			params: found.params,
			body: parseBody(text, req.headers['content-type']),
			key,
			requirePermission: (permission) => permit(key, permission),
		};
	}

	async function handleApi(req, res, url) {
		const found = match(req.method, url.pathname);
		faults.count(req.method, url.pathname, found.route && `${req.method} ${found.route.path}`);

		const text = await readBody(req);
		await pause(faults.latencyMs);
		if (answeredWithFault(res, url.pathname)) return;
		if (!found.route) return sendError(res, 404, `No route for ${req.method} ${url.pathname}`);

		let key;
		try {
			key = authenticate(req, found.route);
		} catch (error) {
			if (!found.route.bareUnauthorized) throw error;
			return send(res, 401, null, { headers: { 'www-authenticate': BEARER_CHALLENGE } });
		}
		permit(key, found.route.permission);

		const answer = await found.route.handler(contextFor(req, url, found, key, text));
		send(res, answer.status, answer.body, {
			contentType: answer.json ? 'application/json' : JSON_API,
			headers: answer.json ? { 'cache-control': 'no-store' } : {},
		});
	}

	async function handleControl(req, res, url) {
		const text = await readBody(req);
		let body;
		try {
			body = text.trim() === '' ? {} : JSON.parse(text);
		} catch {
			return send(
				res,
				400,
				{ error: 'the control body is not valid JSON' },
				{ contentType: 'application/json' },
			);
		}
		const answer = await controlRequest(control, req.method, url.pathname, body);
		send(res, answer.status, answer.body, { contentType: 'application/json' });
	}

	async function handle(req, res) {
		const url = new URL(req.url ?? '/', baseUrl);
		try {
			if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return await handleControl(req, res, url);
			return await handleApi(req, res, url);
		} catch (error) {
			if (res.headersSent) return res.destroy();
			if (error instanceof ApiError) {
				const headers = error.status === 401 ? { 'www-authenticate': BEARER_CHALLENGE } : {};
				return sendError(res, error.status, error.message, { pointer: error.pointer, headers });
			}
			log('error', 'stand-in request failed', {
				method: req.method,
				path: url.pathname,
				error: error.stack,
			});
			return sendError(res, 500, 'The stand-in failed to answer this request');
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res);
	});
	server.requestTimeout = 15_000;
	server.headersTimeout = 10_000;
	server.keepAliveTimeout = 2_000;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	function listen(onPort) {
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(onPort, host, () => {
				server.off('error', reject);
				resolve(server.address().port);
			});
		});
	}

	function dropConnections() {
		for (const socket of sockets) socket.destroy();
		sockets.clear();
	}

	function stopListening() {
		return new Promise((resolve) => {
			if (!server.listening) return resolve();
			server.close(() => resolve());
			dropConnections();
		});
	}

	async function up() {
		clearTimeout(upTimer);
		clearTimeout(refuseTimer);
		upTimer = null;
		const wasRefusing = faults.downMode === 'refused';
		faults.downMode = null;
		if (wasRefusing && !closed && !server.listening) await listen(boundPort);
		return { down: null };
	}

	async function setDown(mode, { durationMs } = {}) {
		if (!DOWN_MODES.includes(mode)) {
			throw new RangeError(`mode must be one of ${DOWN_MODES.join(', ')}, got ${mode}`);
		}
		if (faults.downMode === 'refused' && mode !== 'refused') await up();
		faults.downMode = mode;
		if (durationMs !== undefined) {
			const ms = Math.min(Math.max(Number(durationMs) || 0, 0), 10 * 60_000);
			upTimer = setTimeout(() => {
				up().catch((error) =>
					log('error', 'stand-in could not listen again', { error: error.message }),
				);
			}, ms);
		}
		// Stop listening once the control answer (if any) has gone out.
		if (mode === 'refused') {
			clearTimeout(refuseTimer);
			refuseTimer = setTimeout(() => {
				if (faults.downMode === 'refused') stopListening();
			}, 10);
		}
		return { down: mode, durationMs: durationMs ?? null };
	}

	const control = createControl({ state, tokens, faults, deliveries, events, setDown, up });

	boundPort = await listen(port);
	const urlHost = host.includes(':') ? `[${host}]` : host;
	baseUrl = `http://${urlHost}:${boundPort}`;

	async function close() {
		if (closed) return;
		closed = true;
		clearTimeout(upTimer);
		clearTimeout(refuseTimer);
		for (const [timer, resolve] of pauses) {
			clearTimeout(timer);
			resolve();
		}
		pauses.clear();
		deliveries.close();
		await stopListening();
	}

	return { url: baseUrl, port: boundPort, state, control, close };
}

/** The API keys every stand-in starts with (made-up credentials, for loopback use only). */
const SEEDED_KEYS = { owner: OWNER_KEY, formsOnly: FORMS_ONLY_KEY };

module.exports = { createKajabiStandIn, ROUTES, SEEDED_KEYS };
