import { createKajabiStandIn } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { KajabiTestClient } from './kajabiTestClient';
import { WebhookReceiver } from './webhookReceiver';

let standIn: KajabiStandIn;
let api: KajabiTestClient;

beforeAll(async () => {
	standIn = await createKajabiStandIn();
	api = new KajabiTestClient(standIn.url);
	await api.authenticate();
});

afterEach(async () => {
	await standIn.control.resetFaults();
});

afterAll(async () => {
	await standIn.close();
});

async function control(method: string, path: string, body?: unknown) {
	const response = await fetch(`${standIn.url}/__control${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a request budget', () => {
	it('answers 429 with Retry-After in seconds once the budget of the window is spent', async () => {
		standIn.control.resetCounters();
		standIn.control.setRateLimit({ limit: 3, windowSeconds: 60 });

		const statuses = [];
		for (let call = 0; call < 3; call += 1) statuses.push((await api.get('/v1/me')).status);
		const limited = await api.get('/v1/me');

		expect(statuses).toEqual([200, 200, 200]);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
		expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
		expect(limited.body.errors[0]).toMatchObject({ status: '429', title: 'Too Many Requests' });
		expect(limited.contract).toMatchObject({ valid: true, documented: false });
		expect(standIn.control.counters().rateLimited).toBe(1);
	});

	it('is renewed when the window ends', async () => {
		standIn.control.setRateLimit({ limit: 1, windowSeconds: 1 });

		const first = await api.get('/v1/me');
		const limited = await api.get('/v1/me');
		await sleep(1050);
		const renewed = await api.get('/v1/me');

		expect([first.status, limited.status, renewed.status]).toEqual([200, 429, 200]);
		expect(limited.headers.get('retry-after')).toBe('1');
	});

	it('applies to token requests too', async () => {
		standIn.control.setRateLimit({ limit: 0, windowSeconds: 30 });

		const response = await api.post('/v1/oauth/token', {
			form: { grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' },
			token: null,
		});

		expect(response.status).toBe(429);
	});
});

describe('a burst of server errors', () => {
	it('answers the next N requests with the chosen 5xx, then recovers', async () => {
		standIn.control.resetCounters();
		standIn.control.failNext({ count: 2, status: 502 });

		const statuses = [];
		for (let call = 0; call < 3; call += 1) statuses.push((await api.get('/v1/me')).status);

		expect(statuses).toEqual([502, 502, 200]);
		expect(standIn.control.counters().injectedFailures).toBe(2);
	});

	it('can be kept to one path', async () => {
		standIn.control.failNext({ count: 1, pathPrefix: '/v1/contacts' });

		const me = await api.get('/v1/me');
		const contacts = await api.get('/v1/contacts', { query: { 'filter[site_id]': '101' } });

		expect(me.status).toBe(200);
		expect(contacts.status).toBe(503);
		expect(contacts.contract.documented).toBe(false);
	});

	it('refuses a status outside 500-599', () => {
		expect(() => standIn.control.failNext({ count: 1, status: 404 })).toThrow(
			'status must be an integer from 500 to 599, got 404',
		);
	});
});

describe('added latency', () => {
	it('delays every answer by the given time', async () => {
		standIn.control.setLatency(250);

		const started = Date.now();
		const response = await api.get('/v1/version', { token: null });

		expect(response.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
	});
});

describe('the API being down', () => {
	it('answers 503 everywhere when unavailable, as documented for the version check', async () => {
		await standIn.control.setDown('unavailable');

		const version = await api.get('/v1/version', { token: null });
		const me = await api.get('/v1/me');

		expect(version.status).toBe(503);
		expect(version.contract.documented).toBe(true);
		expect(me.status).toBe(503);
		expect(standIn.control.counters().unavailable).toBeGreaterThanOrEqual(2);
	});

	it('refuses connections, then listens again on the same URL when back up', async () => {
		await standIn.control.setDown('refused');
		await sleep(50);

		await expect(fetch(`${standIn.url}/v1/version`)).rejects.toThrow();
		await standIn.control.up();
		const back = await api.get('/v1/version', { token: null });

		expect(back.status).toBe(200);
	});

	it('listens again when all faults are reset while it refuses connections', async () => {
		await standIn.control.setDown('refused');
		await sleep(50);
		await expect(fetch(`${standIn.url}/v1/version`)).rejects.toThrow();

		await standIn.control.resetFaults();
		const back = await api.get('/v1/version', { token: null });

		expect(back.status).toBe(200);
	});

	it('comes back by itself after durationMs', async () => {
		await standIn.control.setDown('unavailable', { durationMs: 200 });

		const during = await api.get('/v1/version', { token: null });
		await sleep(300);
		const after = await api.get('/v1/version', { token: null });

		expect([during.status, after.status]).toEqual([503, 200]);
	});
});

describe('counters', () => {
	it('count requests per path and per operation', async () => {
		standIn.control.resetCounters();

		await api.get('/v1/contacts/5001');
		await api.get('/v1/contacts/5002');
		await api.get('/v1/contacts/5002');

		const counters = standIn.control.counters();
		expect(counters.requestsByPath).toEqual({
			'GET /v1/contacts/5001': 1,
			'GET /v1/contacts/5002': 2,
		});
		expect(counters.requestsByOperation).toEqual({ 'GET /v1/contacts/{id}': 3 });
		expect(counters.requests).toBe(3);
	});
});

describe('the HTTP control interface', () => {
	it('reports counters and faults under /__control/state', async () => {
		await control('POST', '/rate-limit', { limit: 10, windowSeconds: 5 });
		await control('POST', '/latency', { ms: 5 });

		const state = await control('GET', '/state');

		expect(state.status).toBe(200);
		expect(state.body.faults).toMatchObject({
			rateLimit: { limit: 10, windowSeconds: 5, used: 0 },
			latencyMs: 5,
			down: null,
			deliveryRepeat: 1,
		});
		expect(state.body.counters).toHaveProperty('tokensIssued');
	});

	it('injects a burst, expires and revokes tokens', async () => {
		await control('POST', '/fail-next', { count: 1, status: 500 });
		const failed = await api.get('/v1/me');
		await control('POST', '/tokens/expire');
		const expired = await api.get('/v1/me');
		await api.authenticate();
		await control('POST', '/tokens/revoke-all');
		const revoked = await api.get('/v1/me');
		await api.authenticate();

		expect([failed.status, expired.status, revoked.status]).toEqual([500, 401, 401]);
	});

	it('creates an API key with chosen permissions', async () => {
		const key = await control('POST', '/api-keys', {
			permissions: ['view:offers'],
			name: 'Offers only',
		});
		const client = new KajabiTestClient(standIn.url);
		await client.authenticate(key.body);

		expect((await client.get('/v1/offers')).status).toBe(200);
		expect((await client.get('/v1/products')).status).toBe(403);
	});

	it('fires events and lists deliveries without their bodies', async () => {
		const receiver = new WebhookReceiver();
		await receiver.start();
		try {
			await api.post('/v1/hooks', {
				body: {
					data: {
						type: 'hooks',
						attributes: { target_url: `${receiver.url}/purchase`, event: 'purchase' },
						relationships: { site: { data: { type: 'sites', id: '101' } } },
					},
				},
			});

			const fired = await control('POST', '/purchases', { contactId: '5016', offerId: '4002' });
			await standIn.control.idle();
			const deliveries = await control('GET', '/deliveries');

			expect(fired.body.deliveries).toHaveLength(1);
			expect(receiver.at('/purchase')[0].body.id).toBe(fired.body.purchase.id);
			expect(deliveries.body[0]).toMatchObject({ event: 'purchase', statusCode: 200, attempts: 1 });
			expect(deliveries.body[0]).not.toHaveProperty('body');
		} finally {
			await receiver.stop();
		}
	});

	it('goes down and comes back by itself', async () => {
		const down = await control('POST', '/down', { mode: 'refused', durationMs: 300 });
		await sleep(100);
		const refused = await fetch(`${standIn.url}/v1/version`).then(
			() => 'answered',
			() => 'refused',
		);
		await sleep(400);

		expect(down.body).toEqual({ down: 'refused', durationMs: 300 });
		expect(refused).toBe('refused');
		expect((await api.get('/v1/version', { token: null })).status).toBe(200);
	});

	it('answers 400 for bad input and 404 for an unknown endpoint', async () => {
		const badLimit = await control('POST', '/rate-limit', { limit: -1 });
		const badContact = await control('POST', '/purchases', { contactId: '1', offerId: '4001' });
		const unknown = await control('GET', '/nothing-here');

		expect(badLimit).toEqual({
			status: 400,
			body: { error: 'limit must be an integer from 0 to 1000000, got -1' },
		});
		expect(badContact.body).toEqual({ error: 'contact 1 does not exist' });
		expect(unknown.status).toBe(404);
	});
});
