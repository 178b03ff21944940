import nock from 'nock';

import * as pauseModule from '../../../nodes/shared/transport/pause';
import { FAKE_BASE_URL, FakeKajabi } from './support/fakeKajabi';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';

/**
 * How the node behaves when Kajabi says no, slows it down or falls over: the errors a user
 * sees, the waits between tries (recorded, not slept), and the one token n8n keeps using.
 */

afterAll(removeUserFolder);

let kajabi: FakeKajabi;
let waits: number[];

beforeEach(() => {
	kajabi = new FakeKajabi();
	waits = [];
	jest.spyOn(pauseModule, 'pause').mockImplementation(async (milliseconds) => {
		waits.push(milliseconds);
	});
});

afterEach(() => {
	kajabi.stop();
	jest.restoreAllMocks();
});

const getContact = { resource: 'contact', operation: 'get', contactId: '123' };
const contact = { data: { id: '123', type: 'contacts', attributes: { email: 'jo@example.com' } } };
const kajabiError = (status: number, title: string, detail: string, pointer?: string) => ({
	errors: [{ status: String(status), title, detail, ...(pointer ? { source: { pointer } } : {}) }],
});

describe("Kajabi's refusals become clear NodeApiErrors", () => {
	test('404 carries the detail and the status', async () => {
		kajabi.on('GET', '/v1/contacts/123', [404, kajabiError(404, 'Not Found', 'Contact not found')]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(run.error?.message).toBe('Kajabi error 404: Contact not found');
		expect(kajabi.requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	test('422 names the attribute Kajabi refused', async () => {
		kajabi.on('POST', '/v1/contacts', [
			422,
			kajabiError(422, 'Unprocessable Entity', 'Email is invalid', '/data/attributes/email'),
		]);
		const run = await runKajabiNode({
			parameters: {
				resource: 'contact',
				operation: 'create',
				siteId: { __rl: true, mode: 'id', value: '11' },
				email: 'not-an-email',
			},
			credentials: kajabi.credential(),
		});

		expect(run.error?.message).toBe('Kajabi error 422: Email is invalid (/data/attributes/email)');
		expect(run.error?.description).toBe('Kajabi refused the values sent.');
	});

	test('403 explains the missing permission of the API key', async () => {
		kajabi.on('GET', '/v1/contacts/123', [
			403,
			kajabiError(403, 'Forbidden', 'Missing permission view:contacts'),
		]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error?.message).toBe('Kajabi error 403: Missing permission view:contacts');
		expect(run.error?.description).toMatch(/lacks the permission/);
		expect(kajabi.tokenRequests).toHaveLength(1);
	});

	test('a refused client secret shows the token endpoint error', async () => {
		kajabi.tokenAnswers(() => [401, { error: 'invalid_client' }]);
		kajabi.on('GET', '/v1/contacts/123', [200, contact]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error?.message).toBe('Kajabi refused to issue an access token: invalid_client');
		expect(run.error?.description).toMatch(/Check the client ID, client secret and base URL/);
		expect(kajabi.requests).toHaveLength(0);
	});
});

describe('rate limits and outages', () => {
	test('429 with Retry-After waits as asked, then succeeds', async () => {
		kajabi.on('GET', '/v1/contacts/123', (_request, count) =>
			count === 1
				? [429, kajabiError(429, 'Too Many Requests', 'Slow down'), { 'Retry-After': '2' }]
				: [200, contact],
		);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ id: '123', type: 'contacts', email: 'jo@example.com' }]);
		expect(waits).toEqual([2_000]);
		expect(kajabi.requests).toHaveLength(2);
	});

	test('429 with an HTTP-date Retry-After waits until that time', async () => {
		const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
		kajabi.on('GET', '/v1/contacts/123', (_request, count) =>
			count === 1 ? [429, undefined, { 'Retry-After': inThreeSeconds }] : [200, contact],
		);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error).toBeUndefined();
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(1_000);
		expect(waits[0]).toBeLessThanOrEqual(3_000);
	});

	test('a burst of 5xx is ridden out with growing waits', async () => {
		kajabi.on('GET', '/v1/contacts/123', (_request, count) =>
			count <= 3 ? [[502, 503, 500][count - 1], undefined] : [200, contact],
		);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error).toBeUndefined();
		expect(kajabi.requests).toHaveLength(4);
		expect(waits).toHaveLength(3);
		expect(waits[0]).toBeGreaterThanOrEqual(500);
		expect(waits[0]).toBeLessThanOrEqual(1_000);
		expect(waits[1]).toBeGreaterThanOrEqual(1_000);
		expect(waits[2]).toBeGreaterThanOrEqual(2_000);
	});

	test('gives up after five tries and says so', async () => {
		kajabi.on('GET', '/v1/contacts/123', [
			503,
			kajabiError(503, 'Service Unavailable', 'Down for maintenance'),
		]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(kajabi.requests).toHaveLength(5);
		expect(waits).toHaveLength(4);
		expect(run.error?.message).toBe('Kajabi error 503: Down for maintenance');
		expect(run.error?.description).toMatch(/sent 5 times/);
	});

	test('gives up at once when Kajabi asks for a longer wait than the node allows', async () => {
		kajabi.on('GET', '/v1/contacts/123', [429, undefined, { 'Retry-After': '3600' }]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(kajabi.requests).toHaveLength(1);
		expect(waits).toEqual([]);
		expect(run.error?.message).toBe('Kajabi error 429');
		expect(run.error?.description).toMatch(/asked to wait 3600 s/);
	});

	test('a 500 after a POST is not sent again, so no second contact is created', async () => {
		kajabi.on('POST', '/v1/contacts', [500, undefined]);
		const run = await runKajabiNode({
			parameters: {
				resource: 'contact',
				operation: 'create',
				siteId: { __rl: true, mode: 'id', value: '11' },
				email: 'jo@example.com',
			},
			credentials: kajabi.credential(),
		});

		expect(kajabi.requests).toHaveLength(1);
		expect(run.error?.message).toBe('Kajabi error 500');
	});

	test('a 503 after a POST is sent again: Kajabi did not act on it', async () => {
		kajabi.on('POST', '/v1/forms/15/submit', (_request, count) =>
			count === 1
				? [503, undefined]
				: [
						201,
						{
							data: { id: '1', type: 'form_submissions', attributes: { email: 'jo@example.com' } },
						},
					],
		);
		const run = await runKajabiNode({
			parameters: {
				resource: 'form',
				operation: 'submit',
				formId: { __rl: true, mode: 'id', value: '15' },
				name: 'Jo',
				email: 'jo@example.com',
			},
			credentials: kajabi.credential(),
		});

		expect(run.error).toBeUndefined();
		expect(kajabi.requests).toHaveLength(2);
	});
});

const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('dropped connections', () => {
	test('a read whose connection drops is sent again', async () => {
		nock(FAKE_BASE_URL).get('/v1/contacts/123').replyWithError(dropped());
		kajabi.on('GET', '/v1/contacts/123', [200, contact]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(1);
		expect(waits).toHaveLength(1);
	});

	test('a write whose connection drops is not, since Kajabi may have done it', async () => {
		nock(FAKE_BASE_URL).post('/v1/contacts').replyWithError(dropped());
		const run = await runKajabiNode({
			parameters: {
				resource: 'contact',
				operation: 'create',
				siteId: { __rl: true, mode: 'id', value: '11' },
				email: 'jo@example.com',
			},
			credentials: kajabi.credential(),
		});

		expect(run.error?.message).toBe('Kajabi could not be reached');
		expect(run.error?.description).toBe('No answer came from Kajabi (ECONNRESET).');
		expect(waits).toEqual([]);
	});

	test('a base URL that is not a web address stops the node before any request', async () => {
		const run = await runKajabiNode({
			parameters: getContact,
			credentials: kajabi.credential({ baseUrl: 'ftp://kajabi.test' }),
		});

		expect(run.error).toMatchObject({ name: 'NodeOperationError' });
		expect(run.error?.message).toBe('The Base URL in the Kajabi credential must use https');
		expect(kajabi.tokenRequests).toHaveLength(0);
	});
});

describe('continue on fail', () => {
	test('a failing item becomes an error item paired with its input, the others go on', async () => {
		kajabi.on('GET', /^\/v1\/contacts\/\d+$/, (request) =>
			request.path === '/v1/contacts/2'
				? [404, kajabiError(404, 'Not Found', 'Contact not found')]
				: [200, { data: { id: request.path.split('/')[3], type: 'contacts', attributes: {} } }],
		);
		const run = await runKajabiNode({
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			input: [{ id: '1' }, { id: '2' }, { id: '3' }],
			credentials: kajabi.credential(),
			continueOnFail: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([
			{ json: { id: '1', type: 'contacts' }, pairedItem: { item: 0 } },
			{ json: { error: 'Kajabi error 404: Contact not found' }, pairedItem: { item: 1 } },
			{ json: { id: '3', type: 'contacts' }, pairedItem: { item: 2 } },
		]);
	});

	test('bad input fails the item with a hint, before any request', async () => {
		const run = await runKajabiNode({
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			input: [{ id: '' }],
			credentials: kajabi.credential(),
			continueOnFail: true,
		});

		expect(run.items).toEqual([
			{ json: { error: 'Contact ID is empty' }, pairedItem: { item: 0 } },
		]);
		expect(kajabi.requests).toHaveLength(0);
	});
});

describe('the access token', () => {
	test('many items and operations share one token', async () => {
		kajabi.on('GET', /^\/v1\/contacts\/\d+$/, [200, contact]);
		const credentials = kajabi.credential();

		await runKajabiNode({
			parameters: getContact,
			input: [{}, {}, {}, {}, {}],
			credentials,
		});
		await runKajabiNode({ parameters: getContact, credentials });

		expect(kajabi.requests).toHaveLength(6);
		expect(kajabi.tokenRequests).toHaveLength(1);
		expect(kajabi.tokenRequests[0]).toEqual({
			grant_type: 'client_credentials',
			client_id: 'client-id',
			client_secret: 'client-secret',
		});
		expect(new Set(kajabi.requests.map((request) => request.token))).toEqual(new Set(['token-1']));
		expect(credentials.tokenWrites).toBe(1);
	});

	test('an expired token is replaced once and the request sent again', async () => {
		kajabi.on('GET', /^\/v1\/contacts\/\d+$/, (request) =>
			request.token === 'token-1'
				? [401, kajabiError(401, 'Unauthorized', 'Token expired')]
				: [200, contact],
		);
		const credentials = kajabi.credential({
			oauthTokenData: { access_token: 'token-1', token_type: 'Bearer', expires_in: 7200 },
		});
		kajabi.tokenRequests.push({ note: 'token-1 was fetched in an earlier execution' });

		const run = await runKajabiNode({ parameters: getContact, input: [{}, {}], credentials });

		expect(run.error).toBeUndefined();
		expect(kajabi.tokenRequests).toHaveLength(2);
		expect(kajabi.requests.map((request) => request.token)).toEqual([
			'token-1',
			'token-2',
			'token-2',
		]);
		expect(credentials.accessToken).toBe('token-2');
	});

	test('a 401 after the new token is reported, not looped on', async () => {
		kajabi.on('GET', '/v1/contacts/123', [
			401,
			kajabiError(401, 'Unauthorized', 'API key deleted'),
		]);
		const run = await runKajabiNode({ parameters: getContact, credentials: kajabi.credential() });

		expect(kajabi.tokenRequests).toHaveLength(2);
		expect(kajabi.requests).toHaveLength(2);
		expect(run.error?.message).toBe('Kajabi error 401: API key deleted');
		expect(waits).toEqual([]);
	});

	test('Revoke ends the session n8n holds, sending the token form-encoded', async () => {
		kajabi.on('POST', '/v1/oauth/revoke', [200]);
		const credentials = kajabi.credential({
			oauthTokenData: { access_token: 'token-0', token_type: 'Bearer' },
		});
		const run = await runKajabiNode({
			parameters: { resource: 'accessToken', operation: 'revoke' },
			credentials,
		});

		expect(run.json).toEqual([{ revoked: true }]);
		expect(kajabi.requests[0]).toMatchObject({
			body: 'token=token-0',
			contentType: 'application/x-www-form-urlencoded',
			token: 'token-0',
		});
	});
});
