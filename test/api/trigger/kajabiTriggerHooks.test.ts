import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { KajabiTrigger } from '../../../nodes/KajabiTrigger/KajabiTrigger.node';
import { SEEDED_KEYS } from '../../../scripts/kajabi-stand-in';
import { fixtureJson } from '../../helpers/fixtures';
import { KajabiCredentialStore } from '../kajabi/support/kajabiCredentials';
import { requestsBreakingSpec } from '../kajabi/support/recordingProxy';
import { useStandInBehindProxy } from '../kajabi/support/standInBehindProxy';

const TRIGGER_TYPE = 'n8n-nodes-kajabi-connect.kajabiTrigger';
const WEBHOOK_ID = '7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
const BASE = 'http://127.0.0.1:5678';
const PRODUCTION_URL = `${BASE}/webhook/${WEBHOOK_ID}/kajabi`;
const TEST_URL = `${BASE}/webhook-test/${WEBHOOK_ID}/kajabi`;

const trigger = new KajabiTrigger();
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

const kajabi = useStandInBehindProxy();

afterEach(() => {
	expect(requestsBreakingSpec(kajabi.proxy)).toEqual([]);
});

class TriggerTypes implements INodeTypes {
	getByName(): INodeType {
		return trigger;
	}

	getByNameAndVersion(): INodeType {
		return trigger;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

const ownerKey = () =>
	new KajabiCredentialStore({
		clientId: SEEDED_KEYS.owner.clientId,
		clientSecret: SEEDED_KEYS.owner.clientSecret,
		baseUrl: kajabi.proxy.url,
	});

function additionalData(credentials: KajabiCredentialStore): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: credentials,
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** One published workflow holding a Kajabi Trigger, as n8n keeps it between activations. */
class TriggerWorkflow {
	readonly workflow: Workflow;

	constructor(
		parameters: INodeParameters,
		readonly credentials: KajabiCredentialStore = ownerKey(),
		staticData: IDataObject = {},
	) {
		const node: INode = {
			id: 'kajabi-trigger',
			name: 'Kajabi Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters,
			credentials: { kajabiOAuth2Api: { id: 'kajabi', name: 'Kajabi account' } },
		};
		this.workflow = new Workflow({
			id: 'trigger-hooks-test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new TriggerTypes(),
			staticData,
		});
	}

	get node(): INode {
		return this.workflow.getNode('Kajabi Trigger') as INode;
	}

	private webhookData(data: IWorkflowExecuteAdditionalData, test: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'kajabi',
			webhookDescription: trigger.description.webhooks![0],
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: data,
			webhookId: WEBHOOK_ID,
			isTest: test,
		};
	}

	private hookContext(test: boolean): HookContext {
		const data = additionalData(this.credentials);
		const mode: WorkflowExecuteMode = test ? 'manual' : 'trigger';
		const activation: WorkflowActivateMode = test ? 'manual' : 'activate';
		return new HookContext(
			this.workflow,
			this.node,
			data,
			mode,
			activation,
			this.webhookData(data, test),
		);
	}

	async checkExists(test = false): Promise<boolean> {
		return await trigger.webhookMethods.default.checkExists.call(this.hookContext(test));
	}

	async create(test = false): Promise<boolean> {
		return await trigger.webhookMethods.default.create.call(this.hookContext(test));
	}

	async delete(test = false): Promise<boolean> {
		return await trigger.webhookMethods.default.delete.call(this.hookContext(test));
	}

	/** A delivery posted to the production URL, through n8n-core's WebhookContext. */
	async deliver(body: unknown) {
		const data = additionalData(this.credentials);
		const rawBody = Buffer.from(JSON.stringify(body));
		const request = {
			headers: { 'content-type': 'application/json' },
			query: {},
			rawBody,
			readRawBody: async () => {},
		};
		const response = {
			statusCode: 200,
			body: undefined as unknown,
			status(code: number) {
				this.statusCode = code;
				return this;
			},
			json(value: unknown) {
				this.body = value;
				return this;
			},
		};
		const context = new WebhookContext(
			this.workflow,
			this.node,
			{ ...data, httpRequest: request, httpResponse: response } as never,
			'webhook',
			this.webhookData(data, false),
			[],
			null,
		);
		const result = await trigger.webhook.call(context);
		return { result, response };
	}
}

const automatic = (overrides: INodeParameters = {}): INodeParameters => ({
	setup: 'automatic',
	siteId: locator('101'),
	events: ['form_submission', 'tag_added'],
	onlyFormId: locator('2001'),
	onlyTagId: locator(''),
	...overrides,
});

/** The stand-in's hooks for a URL, as Kajabi would list them. */
function hooksFor(url: string) {
	return kajabi.standIn.state.hooks
		.map(
			(hook): IDataObject => ({ ...(hook.attributes as IDataObject), siteId: String(hook.siteId) }),
		)
		.filter((hook) => hook.target_url === url)
		.map((hook) => ({
			event: hook.event,
			resourceId: hook.resource_id === null ? null : String(hook.resource_id),
			siteId: hook.siteId,
		}))
		.sort((a: IDataObject, b: IDataObject) => String(a.event).localeCompare(String(b.event)));
}

describe('Kajabi Trigger in automatic setup', () => {
	it('registers one hook per selected event on publish, limited to the chosen form', async () => {
		const published = new TriggerWorkflow(automatic());

		expect(await published.checkExists()).toBe(false);
		expect(await published.create()).toBe(true);

		expect(hooksFor(PRODUCTION_URL)).toEqual([
			{ event: 'form_submission', resourceId: '2001', siteId: '101' },
			{ event: 'tag_added', resourceId: null, siteId: '101' },
		]);
		expect(await published.checkExists()).toBe(true);

		await published.delete();
	});

	it('registers its URL with the shared secret in the query, where Kajabi can carry it', async () => {
		const published = new TriggerWorkflow(automatic({ settings: { secret: 'tr1gger s3cret' } }));
		await published.create();

		expect(hooksFor(PRODUCTION_URL)).toEqual([]);
		expect(hooksFor(`${PRODUCTION_URL}?secret=tr1gger+s3cret`)).toHaveLength(2);
		expect(await published.checkExists()).toBe(true);

		await published.delete();
		expect(kajabi.standIn.state.hooks).toEqual([]);
	});

	it('refuses a secret expected in a header, which no Kajabi hook can send', async () => {
		const published = new TriggerWorkflow(
			automatic({ settings: { secret: 'tr1gger s3cret', secretLocation: 'header' } }),
		);

		await expect(published.create()).rejects.toThrow('Kajabi hooks cannot send a secret header');
		expect(kajabi.standIn.state.hooks).toEqual([]);
	});

	it('never leaves two hooks after a second publish or an n8n restart that lost its static data', async () => {
		const published = new TriggerWorkflow(automatic());
		await published.create();

		await published.create();
		const restarted = new TriggerWorkflow(automatic());
		expect(await restarted.checkExists()).toBe(true);
		await restarted.create();

		expect(hooksFor(PRODUCTION_URL)).toHaveLength(2);

		await restarted.delete();
		expect(hooksFor(PRODUCTION_URL)).toEqual([]);
	});

	it('looks hooks up without deleting any, and re-creates one deleted in Kajabi', async () => {
		const published = new TriggerWorkflow(automatic());
		await published.create();
		const tagHook = kajabi.standIn.state.hooks.findIndex((hook) => {
			const attributes = hook.attributes as IDataObject;
			return attributes.target_url === PRODUCTION_URL && attributes.event === 'tag_added';
		});
		kajabi.standIn.state.hooks.splice(tagHook, 1);
		const deletes = () =>
			kajabi.standIn.control.counters().requestsByOperation['DELETE /v1/hooks/{id}'] ?? 0;
		const deletesBefore = deletes();

		expect(await published.checkExists()).toBe(false);
		expect(deletes()).toBe(deletesBefore);

		await published.create();
		expect(hooksFor(PRODUCTION_URL)).toHaveLength(2);
		await published.delete();
	});

	it('keeps test-URL hooks apart from the production ones, and removes only its own', async () => {
		const published = new TriggerWorkflow(
			automatic({ events: ['purchase'], onlyFormId: locator('') }),
		);
		await published.create();

		await published.create(true);
		expect(hooksFor(TEST_URL)).toEqual([{ event: 'purchase', resourceId: null, siteId: '101' }]);

		await published.delete(true);
		expect(hooksFor(TEST_URL)).toEqual([]);
		expect(hooksFor(PRODUCTION_URL)).toHaveLength(1);

		await published.delete();
	});

	it('treats a hook already deleted in Kajabi as removed', async () => {
		const published = new TriggerWorkflow(automatic({ events: ['order_created'] }));
		await published.create();
		kajabi.standIn.state.hooks.length = 0;

		await expect(published.delete()).resolves.toBe(true);
	});

	it('reports any other failure on unpublish instead of hiding it', async () => {
		const published = new TriggerWorkflow(automatic({ events: ['payment_succeeded'] }));
		await published.create();
		const rotatedSecret = new TriggerWorkflow(
			automatic({ events: ['payment_succeeded'] }),
			new KajabiCredentialStore({
				clientId: SEEDED_KEYS.owner.clientId,
				clientSecret: 'a-secret-that-was-rotated',
				baseUrl: kajabi.proxy.url,
			}),
			published.workflow.staticData,
		);

		await expect(rotatedSecret.delete()).rejects.toThrow();
		expect(hooksFor(PRODUCTION_URL)).toHaveLength(1);

		await published.delete();
	});

	it('makes no API call in manual setup', async () => {
		const manual = new TriggerWorkflow({ setup: 'manual', events: ['form_submission'] });

		expect(await manual.checkExists()).toBe(true);
		expect(await manual.create()).toBe(true);
		expect(await manual.delete()).toBe(true);
		expect(kajabi.standIn.control.counters().tokenRequests).toBe(0);
	});
});

describe('Kajabi Trigger confirming deliveries with Kajabi', () => {
	const confirming = () =>
		new TriggerWorkflow(automatic({ confirmWithKajabi: true, events: ['form_submission'] }));

	async function realSubmission(email: string) {
		const submitted = await fetch(`${kajabi.standIn.url}/v1/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: SEEDED_KEYS.owner.clientId,
				client_secret: SEEDED_KEYS.owner.clientSecret,
			}),
		}).then((answer) => answer.json() as Promise<{ access_token: string }>);
		const answer = await fetch(`${kajabi.standIn.url}/v1/forms/2001/submit`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${submitted.access_token}`,
				'content-type': 'application/vnd.api+json',
			},
			body: JSON.stringify({
				data: { type: 'form_submissions', attributes: { name: 'Real Person', email } },
			}),
		});
		return ((await answer.json()) as { data: { id: string } }).data.id;
	}

	function deliveryFor(submissionId: string, email: string) {
		const body = fixtureJson('openapi-form_submission-envelope-reconstructed.json');
		body.id = submissionId;
		body.payload[0].id = submissionId;
		body.payload[0].attributes.email = email;
		body.payload[0].relationships.form.data.id = '2001';
		body.payload[1].id = '2001';
		return body;
	}

	it('starts the workflow for a submission Kajabi knows, marked confirmed', async () => {
		const id = await realSubmission('real.person@example.com');

		const { result } = await confirming().deliver(deliveryFor(id, 'Real.Person@example.com'));

		expect(result.workflowData?.[0][0].json).toMatchObject({
			contact: { email: 'real.person@example.com' },
			confirmation: { status: 'confirmed', reason: null },
		});
	});

	it('refuses with 401 a submission Kajabi does not know', async () => {
		const { result, response } = await confirming().deliver(
			deliveryFor('999999', 'forged@example.com'),
		);

		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ error: { code: 'not_confirmed' } });
	});

	it('refuses a real submission id carrying another email', async () => {
		const id = await realSubmission('owner.of.id@example.com');

		const { response } = await confirming().deliver(deliveryFor(id, 'attacker@example.com'));

		expect(response.statusCode).toBe(401);
	});

	it('passes the lead on, marked unverified, when the key may not read submissions', async () => {
		const id = await realSubmission('no.permission@example.com');
		const keyWithoutPermissions = kajabi.standIn.control.createApiKey({ permissions: [] });
		const workflow = new TriggerWorkflow(
			automatic({ confirmWithKajabi: true, events: ['form_submission'] }),
			new KajabiCredentialStore({ ...keyWithoutPermissions, baseUrl: kajabi.proxy.url }),
		);

		const { result } = await workflow.deliver(deliveryFor(id, 'no.permission@example.com'));

		expect(result.workflowData?.[0][0].json).toMatchObject({
			confirmation: { status: 'unverified' },
		});
	});
});
