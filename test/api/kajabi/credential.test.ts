import type { INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { KajabiOAuth2Api } from '../../../credentials/KajabiOAuth2Api.credentials';
import { FakeKajabi } from './support/fakeKajabi';
import { resolveKajabiCredential } from './support/kajabiCredentials';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';

afterAll(removeUserFolder);

const credential = new KajabiOAuth2Api();

describe('the Kajabi OAuth2 API credential', () => {
	test('is an OAuth2 client-credentials credential with light and dark icons', () => {
		expect(credential).toMatchObject({
			name: 'kajabiOAuth2Api',
			displayName: 'Kajabi OAuth2 API',
			extends: ['oAuth2Api'],
			icon: { light: 'file:../icons/kajabi.svg', dark: 'file:../icons/kajabi.dark.svg' },
		});
	});

	test('sends the client ID and secret in the form body to <base URL>/v1/oauth/token', () => {
		const resolved = resolveKajabiCredential({
			clientId: 'id',
			clientSecret: 'secret',
			baseUrl: 'https://api.kajabi.com',
		});
		expect(resolved).toMatchObject({
			grantType: 'clientCredentials',
			accessTokenUrl: 'https://api.kajabi.com/v1/oauth/token',
			authentication: 'body',
			authUrl: '',
			authQueryParameters: '',
			scope: '',
		});
	});

	test('defaults the base URL to Kajabi and follows a sandbox or stand-in one', () => {
		const byDefault = resolveKajabiCredential({ clientId: 'id', clientSecret: 'secret' } as never);
		expect(byDefault.baseUrl).toBe('https://api.kajabi.com');

		const sandbox = resolveKajabiCredential({
			clientId: 'id',
			clientSecret: 'secret',
			baseUrl: ' http://127.0.0.1:4010/ ',
		});
		expect(sandbox.accessTokenUrl).toBe('http://127.0.0.1:4010/v1/oauth/token');
	});

	test('only the base URL, client ID and secret are shown to the user', () => {
		const visible = credential.properties.filter(
			(property) => property.type !== 'hidden' && property.type !== 'notice',
		);
		expect(visible.map((property) => property.name)).toEqual(['baseUrl']);
	});
});

/**
 * n8n tests a credential on Save by running its `test` request through its routing engine
 * with the credential attached; this node type does the same here.
 */
const credentialTester: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'kajabi',
		group: ['transform'],
		version: 1,
		description: 'Runs the credential test request',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kajabiOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Test',
				name: 'test',
				type: 'string',
				default: '',
				routing: { request: credential.test.request },
			},
		],
	},
};

describe('Save tests the credential for real', () => {
	let kajabi: FakeKajabi;

	beforeEach(() => {
		kajabi = new FakeKajabi().on('GET', '/v1/me', [
			200,
			{ data: { id: '1', type: 'users', attributes: { name: 'Owner' } } },
		]);
	});

	afterEach(() => kajabi.stop());

	test('a right secret gets a token and reads /v1/me with it', async () => {
		const run = await runKajabiNode({
			parameters: {},
			credentials: kajabi.credential(),
			nodeType: credentialTester,
		});

		expect(run.error).toBeUndefined();
		expect(kajabi.tokenRequests).toHaveLength(1);
		expect(kajabi.requests).toMatchObject([{ method: 'GET', path: '/v1/me', token: 'token-1' }]);
	});

	test('a wrong secret fails at the token endpoint', async () => {
		kajabi.tokenAnswers(() => [401, { error: 'invalid_client' }]);
		const run = await runKajabiNode({
			parameters: {},
			credentials: kajabi.credential({ clientSecret: 'wrong' }),
			nodeType: credentialTester,
		});

		expect(run.error?.message).toMatch(/Client authentication failed/);
		expect(kajabi.requests).toHaveLength(0);
	});
});
