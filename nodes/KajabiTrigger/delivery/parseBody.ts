import { isObject, type JsonObject } from '../../shared/json/values';
import type { DeliveryErrorCode } from '../../shared/lead';

export class DeliveryError extends Error {
	constructor(
		readonly code: DeliveryErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'DeliveryError';
	}
}

export interface IncomingBody {
	/** The bytes as they arrived, when n8n kept them. */
	rawBody?: Buffer | string | null;
	/** What n8n's own body parser made of them. */
	parsedBody?: unknown;
	contentType?: string | null;
	maxBytes: number;
}

export interface ParsedBody {
	body: unknown;
	text: string;
	bytes: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Turns a delivery's bytes into a value: JSON first, then form encoding (what a dashboard
 * webhook relayed through another tool may use). Every failure is a `DeliveryError` that says
 * what was wrong, so the Trigger can answer with a 4xx and start nothing.
 */
export function parseBody(incoming: IncomingBody, text = bodyText(incoming)): ParsedBody {
	const bytes = Buffer.byteLength(text, 'utf8');

	if (bytes > incoming.maxBytes) {
		throw new DeliveryError(
			'too_large',
			`The delivery is ${bytes} bytes; this trigger accepts at most ${incoming.maxBytes}.`,
		);
	}

	const trimmed = text.trim();
	if (trimmed === '') {
		throw new DeliveryError('empty_body', 'The delivery has an empty body.');
	}

	const contentType = (incoming.contentType ?? '').toLowerCase();
	const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
	if (contentType.includes('x-www-form-urlencoded') || (!looksLikeJson && trimmed.includes('='))) {
		return { body: parseFormEncoded(trimmed), text, bytes };
	}

	const body = parseJson(trimmed);
	if (body === NOT_JSON) {
		throw new DeliveryError(
			'not_json',
			'The delivery body is not valid JSON (nor form-encoded fields).',
		);
	}
	return { body, text, bytes };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

export function bodyText(incoming: IncomingBody): string {
	const { rawBody, parsedBody } = incoming;
	if (Buffer.isBuffer(rawBody)) return rawBody.toString('utf8');
	if (typeof rawBody === 'string') return rawBody;

	if (parsedBody === undefined || parsedBody === null) return '';
	if (typeof parsedBody === 'string') return parsedBody;
	if (isObject(parsedBody) && Object.keys(parsedBody).length === 0) return '';

	const text = stringifyJson(parsedBody);
	if (text === null) {
		throw new DeliveryError('not_json', 'The delivery body could not be read as JSON.');
	}
	return text;
}

function stringifyJson(value: unknown): string | null {
	try {
		return JSON.stringify(value) ?? null;
	} catch {
		return null;
	}
}

/**
 * `a=1&payload[member][email]=x` becomes `{ a: '1', payload: { member: { email: 'x' } } }`.
 * Keys that could reach an object's prototype are dropped.
 */
export function parseFormEncoded(text: string): JsonObject {
	const root: JsonObject = {};

	for (const [key, value] of new URLSearchParams(text)) {
		const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
		if (path.length === 0 || path.some((part) => FORBIDDEN_KEYS.has(part))) continue;

		let node = root;
		for (const part of path.slice(0, -1)) {
			const next = node[part];
			if (!isObject(next)) node[part] = {};
			node = node[part] as JsonObject;
		}
		node[path[path.length - 1]] = value;
	}

	return arraysFromIndexedObjects(root) as JsonObject;
}

/** `{ "0": a, "1": b }` from `payload[0][type]=...` becomes `[a, b]`. */
function arraysFromIndexedObjects(value: unknown): unknown {
	if (!isObject(value)) return value;

	const keys = Object.keys(value);
	for (const key of keys) value[key] = arraysFromIndexedObjects(value[key]);

	const indexed = keys.length > 0 && keys.every((key, position) => key === String(position));
	return indexed ? keys.map((key) => value[key]) : value;
}
