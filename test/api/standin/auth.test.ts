import { createKajabiStandIn, SEEDED_KEYS } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { KajabiTestClient } from './kajabiTestClient';

let standIn: KajabiStandIn;
let api: KajabiTestClient;

beforeAll(async () => {
	standIn = await createKajabiStandIn({ tokenLifetimeSeconds: 1234 });
	api = new KajabiTestClient(standIn.url);
});

afterAll(async () => {
	await standIn.close();
});

function tokenForm(fields: Record<string, string>) {
	return api.post('/v1/oauth/token', { form: fields, token: null });
}

describe('client credentials', () => {
	it('issue a bearer token whose expires_in is the configured lifetime', async () => {
		const response = await api.requestToken(SEEDED_KEYS.owner);

		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 1234 });
		expect(response.body.access_token).toMatch(/^[\w-]{40,}$/);
		expect(response.body.refresh_token).not.toBe(response.body.access_token);
	});

	it('with a wrong secret answer 401 invalid_client', async () => {
		const response = await api.requestToken({
			clientId: SEEDED_KEYS.owner.clientId,
			clientSecret: 'nope',
		});

		expect(response.status).toBe(401);
		expect(response.body).toEqual({ error: 'invalid_client' });
	});

	it('without a grant type answer 400 invalid_request; others are unsupported', async () => {
		const missing = await tokenForm({ client_id: 'a', client_secret: 'b' });
		const unknown = await tokenForm({ grant_type: 'password', username: 'a', password: 'b' });

		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({ error: 'invalid_request' });
		expect(unknown.body).toEqual({ error: 'unsupported_grant_type' });
	});
});

describe('a request without a usable token', () => {
	it('answers 401 with a JSON:API error and a Bearer challenge when no token is sent', async () => {
		const response = await api.get('/v1/me', { token: null, breaksSpec: true });

		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
		expect(response.body.errors[0]).toMatchObject({ status: '401', title: 'Unauthorized' });
	});

	it('answers 401 for a token the stand-in never issued', async () => {
		const response = await api.get('/v1/me', { token: 'made-up' });

		expect(response.body.errors[0].detail).toBe('The access token is invalid or has been revoked');
	});
});

describe('token lifetime', () => {
	it('ends after expires_in seconds', async () => {
		const shortLived = await createKajabiStandIn({ tokenLifetimeSeconds: 1 });
		try {
			const client = new KajabiTestClient(shortLived.url);
			const { expires_in: expiresIn } = await client.authenticate();
			const before = await client.get('/v1/me');
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const after = await client.get('/v1/me');

			expect(expiresIn).toBe(1);
			expect(before.status).toBe(200);
			expect(after.status).toBe(401);
			expect(after.body.errors[0].detail).toBe('The access token expired');
		} finally {
			await shortLived.close();
		}
	});

	it('can be cut short by the control interface; the refresh token still works', async () => {
		const client = new KajabiTestClient(standIn.url);
		const { refresh_token: refreshToken } = await client.authenticate();

		standIn.control.expireTokens();
		const expired = await client.get('/v1/me');
		const refreshed = await tokenForm({ grant_type: 'refresh_token', refresh_token: refreshToken });
		const again = await client.get('/v1/me', { token: refreshed.body.access_token });

		expect(expired.status).toBe(401);
		expect(refreshed.status).toBe(200);
		expect(again.status).toBe(200);
	});
});

describe('refresh tokens', () => {
	it('give a new pair once; a used refresh token answers 400 invalid_grant', async () => {
		const { refresh_token: refreshToken } = await api.authenticate();

		const first = await tokenForm({ grant_type: 'refresh_token', refresh_token: refreshToken });
		const second = await tokenForm({ grant_type: 'refresh_token', refresh_token: refreshToken });

		expect(first.body.refresh_token).not.toBe(refreshToken);
		expect(second.status).toBe(400);
		expect(second.body).toEqual({ error: 'invalid_grant' });
	});
});

describe('revoking', () => {
	it('the refresh token ends the access token of the same session', async () => {
		const client = new KajabiTestClient(standIn.url);
		const { refresh_token: refreshToken } = await client.authenticate();

		const revoked = await client.post('/v1/oauth/revoke', { form: { token: refreshToken } });
		const after = await client.get('/v1/me');

		expect(revoked.status).toBe(200);
		expect(after.status).toBe(401);
	});

	it('answers 401 with an empty body, as documented, to a revoke without token', async () => {
		const response = await api.post('/v1/oauth/revoke', {
			form: { token: 'x' },
			token: null,
			breaksSpec: true,
		});

		expect(response.status).toBe(401);
		expect(response.body).toBeUndefined();
	});

	it('all tokens at once through the control interface leaves every client at 401', async () => {
		const one = new KajabiTestClient(standIn.url);
		const two = new KajabiTestClient(standIn.url);
		await one.authenticate();
		await two.authenticate();

		standIn.control.revokeAllTokens();

		expect((await one.get('/v1/me')).status).toBe(401);
		expect((await two.get('/v1/me')).status).toBe(401);
	});

	it('deleting an API key ends the tokens issued for it', async () => {
		const key = standIn.control.createApiKey({ permissions: ['view:sites'] });
		const client = new KajabiTestClient(standIn.url);
		await client.authenticate(key);

		expect(standIn.control.deleteApiKey(key.clientId)).toBe(true);
		expect((await client.get('/v1/sites')).status).toBe(401);
	});
});

describe('permissions', () => {
	it('a key without view:contacts gets 403 on contacts and 200 on forms', async () => {
		const client = new KajabiTestClient(standIn.url);
		await client.authenticate(SEEDED_KEYS.formsOnly);

		const contacts = await client.get('/v1/contacts', { query: { 'filter[site_id]': '101' } });
		const forms = await client.get('/v1/forms', { query: { 'filter[site_id]': '101' } });

		expect(contacts.status).toBe(403);
		expect(contacts.body.errors[0]).toMatchObject({
			status: '403',
			title: 'Forbidden',
			detail: 'This API key lacks the permission view:contacts',
		});
		expect(forms.status).toBe(200);
	});

	it('a hook needs the permissions the spec lists for its event', async () => {
		const client = new KajabiTestClient(standIn.url);
		await client.authenticate(SEEDED_KEYS.formsOnly);
		const hook = (event: string) => ({
			data: {
				type: 'hooks',
				attributes: { target_url: 'http://127.0.0.1:9/hook', event },
				relationships: { site: { data: { type: 'sites', id: '101' } } },
			},
		});

		const orders = await client.post('/v1/hooks', { body: hook('order_created') });
		const forms = await client.post('/v1/hooks', { body: hook('form_submission') });

		expect(orders.status).toBe(403);
		expect(orders.body.errors[0].detail).toBe(
			'This API key lacks the permission view:transactions, view:orders',
		);
		expect(forms.status).toBe(201);
	});
});

describe('counting', () => {
	it('reports token requests and tokens issued', async () => {
		standIn.control.resetCounters();

		await api.requestToken(SEEDED_KEYS.owner);
		await api.requestToken(SEEDED_KEYS.owner);
		await api.requestToken({ clientId: 'unknown', clientSecret: 'unknown' });

		expect(standIn.control.counters()).toMatchObject({ tokenRequests: 3, tokensIssued: 2 });
	});
});
