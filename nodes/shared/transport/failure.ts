import type { KajabiErrorObject } from '../kajabiApi/types';

/**
 * What a failed request left behind, read from whatever n8n threw: n8n wraps the HTTP client's
 * error (which holds the answer) in a NodeApiError, and a failed token request in an
 * OperationalError around the OAuth2 client's AuthError (which holds `{"error": ...}`).
 */
export interface RequestFailure {
	status?: number;
	retryAfter?: string;
	body?: unknown;
	/** A network error code such as ECONNRESET, when no answer came. */
	code?: string;
	/** The token endpoint's `error`, such as `invalid_client`. */
	tokenError?: string;
	/** The OAuth2 client's wording of that error. */
	tokenErrorMessage?: string;
	/** Whether the execution was cancelled while the request ran. */
	cancelled: boolean;
}

const TRANSPORT_FAILURE_CODES = new Set([
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EHOSTUNREACH',
	'ENETDOWN',
	'ENETUNREACH',
	'EPIPE',
	'ETIMEDOUT',
	'EAI_AGAIN',
]);

export function isTransportFailure(failure: RequestFailure): boolean {
	return failure.status === undefined && TRANSPORT_FAILURE_CODES.has(failure.code ?? '');
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
	return typeof value === 'object' && value !== null;
}

function headerValue(headers: unknown, name: string): string | undefined {
	if (!isObject(headers)) return undefined;
	const getter = headers.get;
	const value =
		typeof getter === 'function'
			? (getter as (key: string) => unknown).call(headers, name)
			: (headers[name] ?? headers[name.toLowerCase()]);
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function parseBody(data: unknown): unknown {
	if (typeof data !== 'string') return data;
	try {
		return JSON.parse(data) as unknown;
	} catch {
		return data;
	}
}

export function readFailure(error: unknown): RequestFailure {
	const failure: RequestFailure = { cancelled: false };
	const seen = new Set<unknown>();
	let current: unknown = error;

	for (let depth = 0; depth < 8 && isObject(current) && !seen.has(current); depth += 1) {
		seen.add(current);

		const response = current.response;
		if (failure.status === undefined && isObject(response) && typeof response.status === 'number') {
			failure.status = response.status;
			failure.retryAfter = headerValue(response.headers, 'retry-after');
			failure.body = parseBody(response.data);
		}

		const body = current.body;
		if (failure.tokenError === undefined && isObject(body) && typeof body.error === 'string') {
			failure.tokenError = body.error;
			failure.tokenErrorMessage = typeof current.message === 'string' ? current.message : undefined;
		}

		if (failure.code === undefined && typeof current.code === 'string') failure.code = current.code;
		if (current.code === 'ERR_CANCELED' || current.name === 'CanceledError') {
			failure.cancelled = true;
		}

		current = current.cause;
	}
	return failure;
}

/** Kajabi's `errors[]`, from a JSON:API error document. */
export function kajabiErrorsOf(body: unknown): KajabiErrorObject[] {
	if (!isObject(body) || !Array.isArray(body.errors)) return [];
	return body.errors.filter(isObject) as KajabiErrorObject[];
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Kajabi could not read the request.',
	401: 'Kajabi refused the access token, also after n8n fetched a new one. Check the client ID and secret in the credential.',
	403: 'The API key behind this credential lacks the permission for this resource. A Kajabi owner can add it under Settings, Public API.',
	404: 'Kajabi has no such resource, or the API key cannot see it. Check the ID.',
	422: 'Kajabi refused the values sent.',
	429: 'Kajabi asked for fewer requests.',
};

export interface FailureText {
	message: string;
	description: string;
}

/**
 * The message and hint a user sees: Kajabi's own `errors[].detail` first, then what the status
 * usually means here. `attempts` is how many times the request was sent.
 */
export function describeFailure(failure: RequestFailure, attempts: number): FailureText {
	const tried = attempts > 1 ? ` The request was sent ${attempts} times.` : '';

	if (failure.tokenError !== undefined) {
		return {
			message: `Kajabi refused to issue an access token: ${failure.tokenError}`,
			description:
				`${failure.tokenErrorMessage ?? ''} Check the client ID, client secret and base URL of the credential.`.trim(),
		};
	}

	if (failure.status === undefined) {
		// The code stays out of the message: n8n swaps messages holding one for generic text.
		return {
			message: 'Kajabi could not be reached',
			description: `No answer came from Kajabi${failure.code ? ` (${failure.code})` : ''}.${tried}`,
		};
	}

	const errors = kajabiErrorsOf(failure.body);
	const details = errors
		.map((error) => {
			const text = error.detail ?? error.title;
			const pointer = error.source?.pointer;
			return text && pointer ? `${text} (${pointer})` : text;
		})
		.filter((text): text is string => typeof text === 'string' && text.length > 0);
	const title = errors.find((error) => error.title)?.title;
	const hint =
		STATUS_HINTS[failure.status] ??
		(failure.status >= 500 ? 'Kajabi failed to handle the request.' : '');

	return {
		message:
			details.length > 0
				? `Kajabi error ${failure.status}: ${details.join('; ')}`
				: `Kajabi error ${failure.status}${title ? `: ${title}` : ''}`,
		description: `${hint}${tried}`.trim(),
	};
}

/**
 * The HTTP status of an error `kajabiApiRequest` threw, when Kajabi answered: its NodeApiError
 * carries the status as `httpCode`; anything else is read like a raw failure.
 */
export function kajabiErrorStatus(error: unknown): number | undefined {
	const httpCode = isObject(error) ? error.httpCode : undefined;
	const status = typeof httpCode === 'string' ? Number(httpCode) : NaN;
	return Number.isInteger(status) ? status : readFailure(error).status;
}
