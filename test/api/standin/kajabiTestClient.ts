import { SEEDED_KEYS } from '../../../scripts/kajabi-stand-in';
import type { ContractResult, QueryValue } from '../contract/openApiContract';
import { kajabiContract } from '../contract/openApiContract';

export interface ApiRequest {
	method?: string;
	/** A path (`/v1/contacts`) or an absolute URL from a `links` entry. */
	path: string;
	query?: Record<string, QueryValue>;
	/** A JSON:API body, sent as application/vnd.api+json. */
	body?: unknown;
	/** Form fields, sent as application/x-www-form-urlencoded (token endpoints). */
	form?: Record<string, string>;
	/** A token other than the client's own; null sends no Authorization header. */
	token?: string | null;
	/** The test sends a request the spec does not allow, on purpose (a 400 or 422 case). */
	breaksSpec?: boolean;
}

export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
	/** How the request measured against the spec. */
	request: ContractResult;
	/** How the response measured against the spec; a response that breaks it throws instead. */
	contract: ContractResult;
}

function queryString(query: Record<string, QueryValue> = {}): string {
	const parts = Object.entries(query).flatMap(([name, value]) =>
		([] as Array<string | number | boolean>).concat(value).map((single) => {
			const encode = (text: string) =>
				encodeURIComponent(text).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
			return `${encode(name)}=${encode(String(single))}`;
		}),
	);
	return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Talks to the Kajabi stand-in the way a Kajabi client would, and holds every request and
 * every response to Kajabi's OpenAPI spec: a response that breaks the spec fails the test.
 */
export class KajabiTestClient {
	token: string | null = null;

	/** Operation (`GET /v1/contacts/{id}`) to the statuses seen for it. */
	readonly seen = new Map<string, number[]>();

	constructor(readonly baseUrl: string) {}

	/** Exchanges client credentials for a token the client then uses. */
	async authenticate(key: { clientId: string; clientSecret: string } = SEEDED_KEYS.owner) {
		const response = await this.requestToken(key);
		if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
		this.token = response.body.access_token;
		return response.body as { access_token: string; refresh_token: string; expires_in: number };
	}

	requestToken(key: { clientId: string; clientSecret: string }) {
		return this.post('/v1/oauth/token', {
			form: {
				grant_type: 'client_credentials',
				client_id: key.clientId,
				client_secret: key.clientSecret,
			},
		});
	}

	async request<T = any>(request: ApiRequest): Promise<ApiResponse<T>> {
		const method = (request.method ?? 'GET').toUpperCase();
		const url = new URL(request.path, this.baseUrl);
		const path = `${url.pathname}${url.search || queryString(request.query)}`;
		const token = request.token === undefined ? this.token : request.token;

		const headers: Record<string, string> = { accept: 'application/vnd.api+json' };
		if (token) headers.authorization = `Bearer ${token}`;
		let payload: string | undefined;
		if (request.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			payload = new URLSearchParams(request.form).toString();
		} else if (request.body !== undefined) {
			headers['content-type'] = 'application/vnd.api+json';
			payload = JSON.stringify(request.body);
		}

		const requestCheck = kajabiContract().validateRequest({ method, path, headers, body: payload });
		if (!request.breaksSpec && !requestCheck.valid) {
			throw new Error(
				`the test's own ${method} ${path} breaks the spec:\n${requestCheck.errors.join('\n')}`,
			);
		}

		const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
		const text = await response.text();
		const body = text === '' ? undefined : JSON.parse(text);
		const contract = kajabiContract().validateResponse({
			method,
			path,
			status: response.status,
			body,
			contentType: response.headers.get('content-type'),
		});
		if (!contract.valid) {
			throw new Error(
				`${method} ${path} answered ${response.status}, which breaks the spec:\n` +
					contract.errors.join('\n'),
			);
		}

		if (contract.operation) {
			this.seen.set(contract.operation, [
				...(this.seen.get(contract.operation) ?? []),
				response.status,
			]);
		}
		return {
			status: response.status,
			headers: response.headers,
			body,
			request: requestCheck,
			contract,
		};
	}

	get<T = any>(path: string, options: Omit<ApiRequest, 'path' | 'method'> = {}) {
		return this.request<T>({ ...options, path, method: 'GET' });
	}

	post<T = any>(path: string, options: Omit<ApiRequest, 'path' | 'method'> = {}) {
		return this.request<T>({ ...options, path, method: 'POST' });
	}

	patch<T = any>(path: string, options: Omit<ApiRequest, 'path' | 'method'> = {}) {
		return this.request<T>({ ...options, path, method: 'PATCH' });
	}

	delete<T = any>(path: string, options: Omit<ApiRequest, 'path' | 'method'> = {}) {
		return this.request<T>({ ...options, path, method: 'DELETE' });
	}

	/** Follows `links.next` from a first page until it is null; returns every page's body. */
	async allPages(path: string, query: Record<string, QueryValue> = {}, maxPages = 50) {
		const pages: any[] = [];
		let next: string | null = null;
		let response = await this.get(path, { query });
		for (;;) {
			pages.push(response.body);
			next = response.body.links?.next ?? null;
			if (!next || pages.length >= maxPages) break;
			response = await this.get(next);
		}
		return pages;
	}
}
