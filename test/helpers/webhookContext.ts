import type { IWebhookFunctions } from 'n8n-workflow';

export interface FakeResponse {
	statusCode: number;
	body: unknown;
	/** True once the answer went out, as on Express's response. */
	writableFinished: boolean;
	status(code: number): FakeResponse;
	json(body: unknown): FakeResponse;
	once(event: 'close', listener: () => void): FakeResponse;
	/** What n8n does last: send the answer, which closes the response. */
	finish(): void;
	/** The sender goes away before any answer. */
	hangUp(): void;
}

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

interface WebhookCall {
	body: string | Buffer;
	/** `null` sends no Content-Type header; absent sends application/json. */
	contentType?: string | null;
	query?: Record<string, unknown>;
	headers?: Record<string, unknown>;
	parameters?: Record<string, unknown>;
	workflowId?: string;
	nodeId?: string;
	/** The trigger's node static data, as n8n loaded it for this request; a fresh one if absent. */
	staticData?: Record<string, unknown>;
}

/**
 * The parts of n8n's IWebhookFunctions the Kajabi Trigger uses, with a request that behaves
 * like n8n's: the body bytes are read on demand through `readRawBody()`.
 */
export function webhookContext(call: WebhookCall) {
	const closeListeners: Array<() => void> = [];
	const close = () => {
		for (const listener of closeListeners.splice(0)) listener();
	};
	const response: FakeResponse = {
		statusCode: 200,
		body: undefined,
		writableFinished: false,
		status(code) {
			this.statusCode = code;
			return this;
		},
		json(body) {
			this.body = body;
			return this;
		},
		once(_event, listener) {
			closeListeners.push(listener);
			return this;
		},
		finish() {
			this.writableFinished = true;
			close();
		},
		hangUp() {
			close();
		},
	};
	const request = {
		headers: {
			...(call.contentType === null
				? {}
				: { 'content-type': call.contentType ?? 'application/json' }),
			...call.headers,
		},
		query: call.query ?? {},
		body: {},
		rawBody: undefined as Buffer | undefined,
		async readRawBody() {
			this.rawBody = Buffer.isBuffer(call.body) ? call.body : Buffer.from(call.body);
		},
	};
	const logs: LogLine[] = [];
	const log = (level: string) => (message: string, meta?: unknown) =>
		logs.push({ level, message, meta });
	const parameters = call.parameters ?? {};
	const staticData = call.staticData ?? {};

	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getRequestObject: () => request,
		getResponseObject: () => response,
		getWorkflow: () => ({ id: call.workflowId ?? 'wf-test', active: true }),
		getWorkflowStaticData: () => staticData,
		getNode: () => ({ id: call.nodeId ?? `node-${Math.random()}`, name: 'Kajabi Trigger' }),
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
	} as unknown as IWebhookFunctions;

	return { context, request, response, logs, staticData };
}
