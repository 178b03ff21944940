import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import nock from 'nock';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ExecutionError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { Kajabi } from '../../../../nodes/Kajabi/Kajabi.node';
import type { KajabiCredentialStore } from './kajabiCredentials';

/**
 * Runs the Kajabi node in this process as an n8n server would: WorkflowExecute from n8n-core,
 * the node's parameters filled with their defaults, and n8n-core's real OAuth2 request code
 * talking to whatever answers on the credential's base URL (nock or the Kajabi stand-in).
 */

// n8n-core writes an encryption key into the user folder on first use: keep it out of $HOME.
const userFolder = mkdtempSync(join(tmpdir(), 'kajabi-api-test-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'api-tests-only-not-a-secret';
// What the node logs (retry warnings, the errors of the failures tests provoke on purpose) is
// asserted through its effects, not read off the console, where it would look like a failure.
process.env.N8N_LOG_LEVEL ??= 'silent';

// Loading n8n-core and running a node in-process can take seconds on a busy machine. (Jest
// reads testTimeout from the root config only, not from a project's.) The benchmark loads this
// file outside Jest, where there is no `jest`.
if (typeof jest !== 'undefined') jest.setTimeout(30_000);

// Nothing in these tests may leave the machine.
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\]|::1)(:\d+)?$/;
nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));

/**
 * Call from `afterAll`: removes the user folder and takes nock off Node's http module, so the
 * next test file in this worker (with its own copy of nock) starts clean.
 */
export function removeUserFolder(): void {
	rmSync(userFolder, { recursive: true, force: true });
	nock.cleanAll();
	nock.restore();
}

export const NODE_TYPE = 'n8n-nodes-kajabi-connect.kajabi';

class KajabiNodeTypes implements INodeTypes {
	constructor(private readonly nodeType: INodeType = new Kajabi()) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (type !== NODE_TYPE) throw new Error(`Only the Kajabi node runs here, not "${type}"`);
		return this.nodeType;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export interface KajabiRun {
	items: INodeExecutionData[];
	error: ExecutionError | undefined;
	json: IDataObject[];
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: KajabiCredentialStore;
	/** The node's input items; one empty item when not given. */
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Runs another node type in the Kajabi node's place (a credential test, say). */
	nodeType?: INodeType;
}

function additionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentials: KajabiCredentialStore,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		hooks,
		credentialsHelper: credentials,
		executeWorkflow: async () => {
			throw new Error('No sub-workflows here');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('No task runner here');
		},
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
	};
	return data as IWorkflowExecuteAdditionalData;
}

function kajabiNode(options: Pick<RunOptions, 'parameters' | 'continueOnFail'>): INode {
	return {
		id: 'kajabi-node',
		name: 'Kajabi',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { kajabiOAuth2Api: { id: 'kajabi-credential', name: 'Kajabi account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

/** The context n8n gives a dropdown or resource locator of the node while a user edits it. */
export function loadOptionsContext(
	credentials: KajabiCredentialStore,
	parameters: INodeParameters = { resource: 'contact', operation: 'create' },
): LoadOptionsContext {
	const node = kajabiNode({ parameters });
	const workflow = new Workflow({
		id: 'kajabi-api-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new KajabiNodeTypes(),
	});
	return new LoadOptionsContext(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData(undefined, credentials),
		'parameters.siteId',
	);
}

export async function runKajabiNode(options: RunOptions): Promise<KajabiRun> {
	const node = kajabiNode(options);
	const workflow = new Workflow({
		id: 'kajabi-api-test',
		name: 'Kajabi API test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new KajabiNodeTypes(options.nodeType),
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'kajabi-api-test', {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	const input = (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode('Kajabi') as INode, data: { main: [input] }, source: null },
			],
		},
	});

	const run = await new WorkflowExecute(
		additionalData(hooks, options.credentials),
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);

	const items = run.data.resultData.runData.Kajabi?.[0]?.data?.main?.[0] ?? [];
	return { items, error: run.data.resultData.error, json: items.map((item) => item.json) };
}
