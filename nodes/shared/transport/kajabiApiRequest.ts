import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeFailure, isTransportFailure, kajabiErrorsOf, readFailure } from './failure';
import type { RequestFailure } from './failure';
import { pause } from './pause';
import { DEFAULT_RETRY_POLICY, decideRetry } from './retryPolicy';
import type { RetryDecision, RetryPolicy } from './retryPolicy';

export const KAJABI_CREDENTIAL_TYPE = 'kajabiOAuth2Api';

export const DEFAULT_BASE_URL = 'https://api.kajabi.com';

/** Every n8n context that may call Kajabi: node runs, dropdowns, and a trigger's hooks. */
export type KajabiFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface KajabiRequest {
	method: IHttpRequestMethods;
	/** The path under the base URL, from `/v1/`; a `links.next` path keeps its query string. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** A form-encoded body instead of JSON (the OAuth endpoints take one). */
	form?: Record<string, string>;
	/** The item the request is made for, named in the error when it fails. */
	itemIndex?: number;
}

const JSON_API = 'application/vnd.api+json';

// Read once per node run; n8n's OAuth2 helper already reads the credential for every request.
const baseUrls = new WeakMap<object, string>();

/** The credential's base URL without a trailing slash; a sandbox or stand-in may replace Kajabi's. */
export async function kajabiBaseUrl(this: KajabiFunctions): Promise<string> {
	const known = baseUrls.get(this);
	if (known !== undefined) return known;

	const credentials = await this.getCredentials<{ baseUrl?: string }>(KAJABI_CREDENTIAL_TYPE);
	const text = (credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;

	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			'The Base URL in the Kajabi credential is not a URL',
			{
				description: `Use an address such as ${DEFAULT_BASE_URL}.`,
			},
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(
			this.getNode(),
			'The Base URL in the Kajabi credential must use https',
			{
				description: `Use an address such as ${DEFAULT_BASE_URL}.`,
			},
		);
	}
	const baseUrl = text.replace(/\/+$/, '');
	baseUrls.set(this, baseUrl);
	return baseUrl;
}

function requestOptions(baseUrl: string, request: KajabiRequest): IHttpRequestOptions {
	const contentType =
		request.form !== undefined
			? 'application/x-www-form-urlencoded'
			: request.body !== undefined
				? JSON_API
				: undefined;
	return {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		// `filter[exclude_product_types][]=a&filter[exclude_product_types][]=b`, no indices.
		arrayFormat: 'repeat',
		body: request.form !== undefined ? new URLSearchParams(request.form).toString() : request.body,
		json: true,
		headers: {
			Accept: `${JSON_API}, application/json`,
			...(contentType ? { 'Content-Type': contentType } : {}),
		},
	};
}

function pathOnly(path: string): string {
	const query = path.indexOf('?');
	return query >= 0 ? path.slice(0, query) : path;
}

function toNodeApiError(
	node: INode,
	failure: RequestFailure,
	attempts: number,
	decision: RetryDecision,
	itemIndex: number | undefined,
): NodeApiError {
	const text = describeFailure(failure, attempts);
	const waitNote =
		!decision.retry && decision.reason === 'wait_too_long' && decision.delayMs !== undefined
			? ` Kajabi asked to wait ${Math.ceil(decision.delayMs / 1000)} s, longer than this node waits.`
			: '';
	const response: JsonObject = {
		status: failure.status ?? null,
		errors: kajabiErrorsOf(failure.body) as unknown as JsonObject[],
		...(failure.tokenError !== undefined ? { error: failure.tokenError } : {}),
	};
	return new NodeApiError(node, response, {
		message: text.message,
		description: `${text.description}${waitNote}`.trim() || undefined,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex,
	});
}

/**
 * The one function that talks to Kajabi. n8n's OAuth2 helper adds the token (fetching one with
 * the client credentials when the credential holds none, and once more after a 401); this
 * function adds the base URL, JSON:API headers, retries with backoff on 429 and 5xx, and turns
 * failures into NodeApiErrors that carry Kajabi's own `errors[].detail`.
 */
export async function kajabiApiRequest<T = unknown>(
	this: KajabiFunctions,
	request: KajabiRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
	const baseUrl = await kajabiBaseUrl.call(this);
	const path = pathOnly(request.path);
	let waitedMs = 0;

	for (let attempt = 1; ; attempt += 1) {
		try {
			const body: unknown = await this.helpers.httpRequestWithAuthentication.call(
				this,
				KAJABI_CREDENTIAL_TYPE,
				requestOptions(baseUrl, request),
			);
			this.logger.debug('Kajabi request answered', { method: request.method, path, attempt });
			return (body === '' ? undefined : body) as T;
		} catch (error) {
			const failure = readFailure(error);
			const decision: RetryDecision = failure.cancelled
				? { retry: false, reason: 'not_retryable' }
				: decideRetry(
						{
							attempt,
							method: request.method,
							status: failure.status,
							retryAfter: failure.retryAfter,
							transportFailure: isTransportFailure(failure),
							waitedMs,
							now: Date.now(),
							random: Math.random(),
						},
						policy,
					);

			if (!decision.retry) {
				this.logger.debug('Kajabi request failed', {
					method: request.method,
					path,
					status: failure.status,
					attempt,
					reason: decision.reason,
				});
				throw toNodeApiError(this.getNode(), failure, attempt, decision, request.itemIndex);
			}

			this.logger.warn('Kajabi request will be retried', {
				method: request.method,
				path,
				status: failure.status ?? failure.code,
				attempt,
				delayMs: decision.delayMs,
			});
			await pause(decision.delayMs);
			waitedMs += decision.delayMs;
		}
	}
}
