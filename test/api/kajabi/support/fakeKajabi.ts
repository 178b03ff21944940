import nock from 'nock';

import { KajabiCredentialStore } from './kajabiCredentials';

/**
 * A scripted Kajabi for one test, made with nock on a host that cannot resolve: the token
 * endpoint hands out numbered tokens, each API route answers with what the test says, and every
 * request is kept (method, path, query, body, the token it carried) for the assertions.
 */

export const FAKE_BASE_URL = 'https://kajabi.test';

export interface SeenRequest {
	method: Method;
	/** The path without the query string. */
	path: string;
	/** The query as Kajabi would read it, `filter[site_id]` and all. */
	query: Record<string, string | string[]>;
	rawQuery: string;
	body: unknown;
	token: string | undefined;
	contentType: string | undefined;
}

type Reply = [status: number, body?: unknown, headers?: Record<string, string>];

type Responder = (request: SeenRequest, count: number) => Reply;

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

function parseQuery(text: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const existing = query[key];
		query[key] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return query;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string' || body === '') return body === '' ? undefined : body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

export class FakeKajabi {
	readonly requests: SeenRequest[] = [];

	readonly tokenRequests: Array<Record<string, string>> = [];

	private tokenReply: ((count: number) => Reply) | undefined;

	constructor(readonly baseUrl = FAKE_BASE_URL) {
		nock(baseUrl)
			.persist()
			.post('/v1/oauth/token')
			.reply((_uri, body) => {
				const form = Object.fromEntries(new URLSearchParams(String(body)));
				this.tokenRequests.push(form);
				const count = this.tokenRequests.length;
				if (this.tokenReply) return this.tokenReply(count);
				return [
					200,
					{
						access_token: `token-${count}`,
						refresh_token: `refresh-${count}`,
						token_type: 'Bearer',
						expires_in: 7200,
					},
				];
			});
	}

	/** A credential for this fake, holding no token yet. */
	credential(overrides: Partial<KajabiCredentialStore['stored']> = {}): KajabiCredentialStore {
		return new KajabiCredentialStore({
			clientId: 'client-id',
			clientSecret: 'client-secret',
			baseUrl: this.baseUrl,
			...overrides,
		});
	}

	/** Makes the token endpoint answer differently (a refused secret, say). */
	tokenAnswers(reply: (count: number) => Reply): this {
		this.tokenReply = reply;
		return this;
	}

	/** Answers `method` requests whose path (without query) matches, with `respond`. */
	on(method: Method, path: string | RegExp, respond: Responder | Reply): this {
		const matches = (pathname: string) =>
			typeof path === 'string' ? pathname === path : path.test(pathname);
		let count = 0;
		const requests = this.requests;

		nock(this.baseUrl)
			.persist()
			.intercept((uri) => matches(uri.split('?')[0]), method)
			.reply(function (this: nock.ReplyFnContext, uri, body) {
				const [pathname, rawQuery = ''] = uri.split('?');
				const authorization = this.req.headers.authorization;
				const request: SeenRequest = {
					method,
					path: pathname,
					query: parseQuery(rawQuery),
					rawQuery: decodeURIComponent(rawQuery),
					body: parseBody(body),
					token:
						typeof authorization === 'string'
							? authorization.replace(/^Bearer\s+/i, '')
							: undefined,
					contentType: this.req.headers['content-type'] as string | undefined,
				};
				requests.push(request);
				count += 1;
				const [status, answer, headers] =
					typeof respond === 'function' ? respond(request, count) : respond;
				return [
					status,
					answer === undefined ? '' : JSON.stringify(answer),
					{ 'Content-Type': 'application/vnd.api+json', ...headers },
				];
			});
		return this;
	}

	stop(): void {
		nock.cleanAll();
	}
}
