import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import nock from 'nock';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IConnections,
	type IRun,
	type IRunData,
	type IVersionedNodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { Airtable } from 'n8n-nodes-base/dist/nodes/Airtable/Airtable.node';
import { HttpRequest } from 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node';
import { If } from 'n8n-nodes-base/dist/nodes/If/If.node';
import { NoOp } from 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node';
import { Set as SetNode } from 'n8n-nodes-base/dist/nodes/Set/Set.node';
import { StickyNote } from 'n8n-nodes-base/dist/nodes/StickyNote/StickyNote.node';
import { AirtableTokenApi } from 'n8n-nodes-base/dist/credentials/AirtableTokenApi.credentials';

import { Kajabi } from '../../nodes/Kajabi/Kajabi.node';
import { KajabiCampaignRouter } from '../../nodes/KajabiCampaignRouter/KajabiCampaignRouter.node';
import { KajabiTrigger } from '../../nodes/KajabiTrigger/KajabiTrigger.node';
import {
	resolveKajabiCredential,
	type StoredKajabiCredential,
} from '../api/kajabi/support/kajabiCredentials';

/**
 * Runs a workflow file in this process the way an n8n server would after a webhook arrived:
 * our trigger's webhook() turns the request into items, then WorkflowExecute runs the rest with
 * every outbound HTTP call answered by nock. Nothing here needs a database or a task runner.
 */

const PACKAGE_NAME = 'n8n-nodes-kajabi-connect';
const STOCK_PACKAGE = 'n8n-nodes-base';

// n8n-core writes an encryption key into the user folder on first use: keep it out of $HOME.
const userFolder = mkdtempSync(join(tmpdir(), 'kajabi-workflow-test-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'workflow-tests-only-not-a-secret';

// No request from a workflow test may leave the machine, whether a destination is stubbed or not.
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\]|::1)(:\d+)?$/;
nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));

/**
 * Removes the temporary n8n user folder and takes nock off Node's http module, so the next test
 * file in the same Jest worker (which loads its own nock) starts clean; call it from an
 * `afterAll`.
 */
export function removeTestUserFolder(): void {
	rmSync(userFolder, { recursive: true, force: true });
	nock.cleanAll();
	nock.restore();
}

export interface WorkflowFile {
	id: string;
	name: string;
	active: boolean;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: Record<string, INodeExecutionData[]>;
	staticData?: IDataObject;
}

export function readWorkflowFile(path: string): WorkflowFile {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowFile;
}

/** Serves our three nodes from their TypeScript sources and the stock nodes the examples use. */
export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor() {
		for (const ours of [new KajabiTrigger(), new Kajabi(), new KajabiCampaignRouter()]) {
			this.add(PACKAGE_NAME, ours);
		}
		const stock: Array<INodeType | IVersionedNodeType> = [
			new Airtable(),
			new HttpRequest(),
			new If(),
			new NoOp(),
			new SetNode(),
			new StickyNote(),
		];
		for (const nodeType of stock) this.add(STOCK_PACKAGE, nodeType);
	}

	knows(type: string): boolean {
		return this.types.has(type);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(type);
		if (nodeType === undefined) {
			throw new Error(`The test harness does not serve the node type "${type}"`);
		}
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	private add(packageName: string, nodeType: INodeType | IVersionedNodeType): void {
		this.types.set(`${packageName}.${nodeType.description.name}`, nodeType);
	}
}

const credentialTypes: Record<string, ICredentialType> = {
	airtableTokenApi: new AirtableTokenApi(),
};

/** The credentials every test run gets, by credential type. */
export const TEST_CREDENTIALS: Record<string, ICredentialDataDecryptedObject> = {
	airtableTokenApi: { accessToken: 'patTEST' },
};

const KAJABI_CREDENTIAL_TYPE = 'kajabiOAuth2Api';

/**
 * Hands out fixed test credentials and applies a credential type's generic `authenticate`
 * block. The server resolves those blocks with the full expression engine; the stock
 * credentials used here only need `{{$credentials.<key>}}` replaced. The Kajabi credential is
 * resolved as n8n does it (its OAuth2 parent's fields, defaults, expressions), and keeps the
 * token n8n-core writes back, so later runs reuse it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		return name === KAJABI_CREDENTIAL_TYPE ? ['oAuth2Api'] : [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);

		const { headers, qs } = authenticate.properties;
		const fill = (values: IDataObject | undefined) =>
			Object.fromEntries(
				Object.entries(values ?? {}).map(([key, value]) => [
					key,
					resolveCredentialTemplate(String(value), credentials),
				]),
			);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...fill(headers) },
			qs: { ...requestOptions.qs, ...fill(qs) },
		};
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('The workflow tests only hand out decrypted credentials');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentials[type];
		if (credentials === undefined) {
			throw new Error(`No test credentials for the credential type "${type}"`);
		}
		if (type === KAJABI_CREDENTIAL_TYPE) {
			return resolveKajabiCredential(credentials as unknown as StoredKajabiCredential);
		}
		return credentials;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = this.credentials[type];
		if (credentials !== undefined)
			credentials.oauthTokenData = structuredClone(data.oauthTokenData);
	}

	getCredentialsProperties(): [] {
		return [];
	}
}

function resolveCredentialTemplate(
	template: string,
	credentials: ICredentialDataDecryptedObject,
): string {
	const text = template.startsWith('=') ? template.slice(1) : template;
	return text.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, key: string) =>
		String(credentials[key] ?? ''),
	);
}

const BASE_URL = 'http://127.0.0.1:5678';

function createAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	http?: { request: unknown; response: unknown },
): IWorkflowExecuteAdditionalData {
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the workflow tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('The task runner (Code node) is not available in the workflow tests');
		},
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		// n8n 2.41 builds URLs from these while preparing every node, even when no node waits.
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		httpRequest: http?.request as IWorkflowExecuteAdditionalData['httpRequest'],
		httpResponse: http?.response as IWorkflowExecuteAdditionalData['httpResponse'],
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}

export function buildWorkflow(file: WorkflowFile, nodeTypes = new TestNodeTypes()): Workflow {
	return new Workflow({
		id: file.id,
		name: file.name,
		nodes: structuredClone(file.nodes),
		connections: file.connections,
		active: false,
		nodeTypes,
		settings: file.settings,
		staticData: structuredClone(file.staticData ?? {}),
	});
}

export interface Delivery {
	body: unknown;
	headers?: Record<string, string>;
}

/** What the trigger answered Kajabi, and the items it started the workflow with (if any). */
export interface TriggerResult {
	items: INodeExecutionData[] | undefined;
	statusCode: number;
	responseBody: unknown;
	webhookResponse: IWebhookResponseData;
}

/**
 * Calls the trigger's webhook() through n8n-core's own WebhookContext, with a stand-in for the
 * Express request and response, so parameters, static data and helpers behave as on a server.
 */
export async function deliverToTrigger(
	workflow: Workflow,
	triggerName: string,
	delivery: Delivery,
): Promise<TriggerResult> {
	const node = workflow.getNode(triggerName);
	if (node === null) throw new Error(`The workflow has no node named "${triggerName}"`);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (nodeType.webhook === undefined || webhookDescription === undefined) {
		throw new Error(`"${triggerName}" is not a webhook trigger`);
	}

	const text = typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body);
	const rawBody = Buffer.from(text);
	const headers = {
		'content-type': 'application/json',
		'content-length': String(rawBody.length),
		'user-agent': 'Kajabi-Webhooks',
		...lowerCaseKeys(delivery.headers ?? {}),
	};
	const request = {
		method: 'POST',
		url: `/webhook/${node.webhookId}`,
		path: `/webhook/${node.webhookId}`,
		headers,
		body: serverParsesBody(node) ? safeJsonParse(text) : undefined,
		rawBody,
		readRawBody: async () => {},
		params: {},
		query: {},
	};
	const response = new FakeResponse();

	const additionalData = createAdditionalData(undefined, TEST_CREDENTIALS, { request, response });
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);

	const webhookResponse = await nodeType.webhook.call(context);
	const answeredByNode = webhookResponse.noWebhookResponse === true;

	return {
		items: webhookResponse.workflowData?.[0],
		statusCode: answeredByNode ? response.statusCode : 200,
		responseBody: answeredByNode ? response.body : webhookResponse.webhookResponse,
		webhookResponse,
	};
}

// The server leaves the body unparsed for a version-1 webhook node whose `options.binaryData` is
// true; the node then reads the raw bytes itself.
function serverParsesBody(node: INode): boolean {
	const options = node.parameters.options as IDataObject | undefined;
	return !(node.typeVersion === 1 && options?.binaryData === true);
}

class FakeResponse {
	statusCode = 200;

	body: unknown;

	headersSent = false;

	readonly headers: Record<string, string> = {};

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	json(body: unknown): this {
		return this.send(body);
	}

	send(body?: unknown): this {
		this.body = body;
		this.headersSent = true;
		return this;
	}

	end(body?: unknown): this {
		if (body !== undefined) this.body = body;
		this.headersSent = true;
		return this;
	}
}

export interface WorkflowRun {
	status: IRun['status'];
	error: ExecutionError | undefined;
	runData: IRunData;
	/** Node names in the order they finished, one entry per run of a node. */
	executionOrder: string[];
}

export interface RunOptions {
	mode?: WorkflowExecuteMode;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

/**
 * Runs the workflow from `startNodeName` with `items` as that node's input, as n8n does with a
 * webhook's output: the trigger node passes them on and the rest of the graph runs for real.
 */
export async function runFromNode(
	workflow: Workflow,
	startNodeName: string,
	items: INodeExecutionData[],
	options: RunOptions = {},
): Promise<WorkflowRun> {
	const startNode = workflow.getNode(startNodeName);
	if (startNode === null) throw new Error(`The workflow has no node named "${startNodeName}"`);
	const mode = options.mode ?? 'trigger';

	const executionOrder: string[] = [];
	const hooks = new ExecutionLifecycleHooks(mode, 'workflow-test', {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [items] }, source: null }],
		},
	});
	const additionalData = createAdditionalData(hooks, options.credentials ?? TEST_CREDENTIALS);
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);

	return {
		status: run.status,
		error: run.data.resultData.error,
		runData: run.data.resultData.runData,
		executionOrder,
	};
}

/** Every run of a node, each as one array of items per output. */
export function nodeOutputs(run: WorkflowRun, nodeName: string): INodeExecutionData[][][] {
	return (run.runData[nodeName] ?? []).map(
		(task) => task.data?.main?.map((out) => out ?? []) ?? [],
	);
}

/** The json of every item a node emitted on `outputIndex`, across all its runs. */
export function outputJson(run: WorkflowRun, nodeName: string, outputIndex = 0): IDataObject[] {
	return nodeOutputs(run, nodeName).flatMap((outputs) =>
		(outputs[outputIndex] ?? []).map((item) => item.json),
	);
}

export interface RecordedRequest {
	origin: string;
	method: string;
	path: string;
	headers: Record<string, string | string[]>;
	body: unknown;
}

type Reply = (body: unknown, request: RecordedRequest) => [number, unknown];

/**
 * Outbound HTTP for a test: each destination is answered by a nock interceptor, every request
 * is kept in the order it was sent, and a request no interceptor matched is noted in `unmatched`.
 */
export class OutboundHttp {
	readonly requests: RecordedRequest[] = [];

	readonly unmatched: string[] = [];

	private readonly onNoMatch = (request: { method?: string; path?: string; host?: string }) => {
		this.unmatched.push(`${request.method} ${request.host ?? ''}${request.path ?? ''}`);
	};

	constructor() {
		nock.emitter.on('no match', this.onNoMatch);
	}

	/** Answers `method` requests to `origin` whose path matches `path`, until `stop()`. */
	answer(
		origin: string,
		method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
		path: string | RegExp,
		reply: Reply = () => [200, {}],
	): this {
		const requests = this.requests;
		nock(origin)
			.persist()
			.intercept(path, method)
			.reply(function (this: nock.ReplyFnContext, uri, body) {
				const request: RecordedRequest = {
					origin,
					method,
					path: uri,
					headers: { ...this.req.headers },
					body: typeof body === 'string' ? safeJsonParse(body) : body,
				};
				requests.push(request);
				return reply(request.body, request);
			});
		return this;
	}

	to(origin: string): RecordedRequest[] {
		return this.requests.filter((request) => request.origin === origin);
	}

	/** Drops every interceptor; the network stays closed. Call it when the test is done. */
	stop(): void {
		nock.emitter.removeListener('no match', this.onNoMatch);
		nock.cleanAll();
	}
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]),
	);
}

function safeJsonParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
