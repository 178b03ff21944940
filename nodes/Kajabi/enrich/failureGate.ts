import { NodeApiError } from 'n8n-workflow';

/**
 * Remembers, for one execution, the failures that will repeat: once Kajabi is down, rate
 * limits past the transport's retries, refuses the token or the credential, the remaining leads
 * are not sent into the same wait (five tries with backoff each). A 403 closes only the
 * endpoint it came from, since a key may lack one permission and hold the others. A 404, 400
 * or 422 concerns one request and is never remembered.
 */

type Scope = 'everything' | 'endpoint' | 'request';

function httpCodeOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError) || error.httpCode === null) return undefined;
	const code = Number(error.httpCode);
	return Number.isFinite(code) ? code : undefined;
}

function scopeOf(error: unknown): Scope {
	const status = httpCodeOf(error);
	// No status: the token was refused, Kajabi could not be reached, or the base URL is wrong.
	if (status === undefined || status === 401 || status === 429 || status >= 500) {
		return 'everything';
	}
	return status === 403 ? 'endpoint' : 'request';
}

/** `/v1/contacts/5001` and `/v1/contacts` are both the contacts endpoint. */
export function endpointOf(path: string): string {
	return path.split('?')[0].split('/').slice(0, 3).join('/');
}

export class FailureGate {
	private everything: Error | undefined;

	private readonly endpoints = new Map<string, Error>();

	/** The failure a request to `path` would meet again, if one is remembered. */
	blocked(path: string): Error | undefined {
		return this.everything ?? this.endpoints.get(endpointOf(path));
	}

	record(path: string, error: Error): void {
		const scope = scopeOf(error);
		if (scope === 'everything') this.everything ??= error;
		if (scope === 'endpoint' && !this.endpoints.has(endpointOf(path))) {
			this.endpoints.set(endpointOf(path), error);
		}
	}
}

export function isNotFound(error: unknown): boolean {
	return httpCodeOf(error) === 404;
}
