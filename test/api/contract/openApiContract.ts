import { createAjv2020 } from './loadAjv';
import type { Ajv, ValidateFunction } from './loadAjv';
import type { JsonSchema, OpenApiDocument, Operation, Parameter, Response } from './openApiSpec';
import { listOperations, loadKajabiSpec } from './openApiSpec';
import { patchSpec } from './specDefects';

export { KNOWN_SPEC_DEFECTS, patchSpec } from './specDefects';
export { listOperations, loadKajabiSpec } from './openApiSpec';
export type { OpenApiDocument } from './openApiSpec';

/**
 * Holds requests and responses to Kajabi's OpenAPI spec with a real JSON Schema 2020-12
 * validator (Ajv, strict mode) over the spec's own schemas, `$ref`s resolved. The spec is used
 * as Kajabi publishes it, with only the patches listed in specDefects.ts.
 */

export interface ResponseCheck {
	method: string;
	/** A concrete path (`/v1/contacts/5001?include=tags`) or a template (`/v1/contacts/{id}`). */
	path: string;
	status: number;
	/** The parsed JSON body; `undefined`, `null` or `''` for an empty body. */
	body?: unknown;
	contentType?: string | null;
}

export type QueryValue = string | number | boolean | Array<string | number>;

export interface RequestCheck {
	method: string;
	/** The concrete path the request went to; a query string on it counts as query. */
	path: string;
	query?: Record<string, QueryValue> | URLSearchParams;
	headers?: Record<string, string | undefined>;
	/** A parsed JSON body, an object of form fields, or the raw body text. */
	body?: unknown;
	contentType?: string;
}

export interface ContractResult {
	valid: boolean;
	/** `GET /v1/contacts/{id}`, or null when no operation matches. */
	operation: string | null;
	/** Whether the spec lists the answer's status (always true for requests). */
	documented: boolean;
	errors: string[];
}

interface OperationEntry {
	method: string;
	path: string;
	key: string;
	operation: Operation;
	parameters: Parameter[];
	pattern: RegExp;
	pathParamNames: string[];
	literalSegments: number;
}

const COMPONENTS_ID = 'https://kajabi-spec.invalid/components.json';
const MAX_REPORTED_ERRORS = 12;

// Kajabi documents no 429 and few 5xx answers; when one arrives it is checked against the
// spec's generic error document and reported as undocumented, never silently passed.
function outsideContract(status: number): boolean {
	return status === 429 || status >= 500;
}

function rewriteRefs(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(rewriteRefs);
	if (typeof value !== 'object' || value === null) return value;

	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => {
			if (
				key === '$ref' &&
				typeof entry === 'string' &&
				entry.startsWith('#/components/schemas/')
			) {
				return [key, `${COMPONENTS_ID}#/$defs/${entry.slice('#/components/schemas/'.length)}`];
			}
			return [key, rewriteRefs(entry)];
		}),
	);
}

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || body === '';
}

function mediaType(contentType: string | null | undefined): string | undefined {
	return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Operation-level parameters win over path-level ones with the same name and location. */
function mergedParameters(spec: OpenApiDocument, path: string, operation: Operation): Parameter[] {
	const own = operation.parameters ?? [];
	const inherited = (spec.paths[path].parameters ?? []).filter(
		(parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in),
	);
	return [...inherited, ...own];
}

function operationEntry(
	spec: OpenApiDocument,
	[method, path, operation]: [string, string, Operation],
) {
	const segments = path.split('/').filter(Boolean);
	const pathParamNames: string[] = [];
	const source = segments
		.map((segment) => {
			const param = /^\{(.+)\}$/.exec(segment);
			if (!param) return escapeRegExp(segment);
			pathParamNames.push(param[1]);
			return '([^/]+)';
		})
		.join('/');
	return {
		method,
		path,
		key: `${method} ${path}`,
		operation,
		parameters: mergedParameters(spec, path, operation),
		pattern: new RegExp(`^/${source}/?$`),
		pathParamNames,
		literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
	};
}

function queryEntries(check: RequestCheck): Array<[string, string]> {
	const entries: Array<[string, string]> = [];
	const questionMark = check.path.indexOf('?');
	if (questionMark >= 0) entries.push(...new URLSearchParams(check.path.slice(questionMark + 1)));

	const { query } = check;
	if (query instanceof URLSearchParams) entries.push(...query);
	else if (query) {
		for (const [name, value] of Object.entries(query)) {
			for (const single of ([] as Array<string | number | boolean>).concat(value)) {
				entries.push([name, String(single)]);
			}
		}
	}
	return entries;
}

function parseBodyText(text: string, type: string | undefined): unknown {
	if (type === 'application/x-www-form-urlencoded')
		return Object.fromEntries(new URLSearchParams(text));
	return JSON.parse(text);
}

function result(operation: string | null, errors: string[], documented = true): ContractResult {
	return { valid: errors.length === 0, operation, documented, errors };
}

export class OpenApiContract {
	readonly operations: OperationEntry[];

	private readonly bodies: Ajv;

	private readonly parameters: Ajv;

	private readonly compiled = new WeakMap<object, ValidateFunction>();

	private readonly parameterValidators = new Map<string, ValidateFunction>();

	constructor(readonly spec: OpenApiDocument) {
		this.operations = listOperations(spec).map((entry) => operationEntry(spec, entry));

		const options = { strict: true, allErrors: true, allowUnionTypes: true };
		this.bodies = createAjv2020(options);
		this.parameters = createAjv2020({ ...options, coerceTypes: 'array' });
		const components = { $id: COMPONENTS_ID, $defs: rewriteRefs(spec.components.schemas) };
		this.bodies.addSchema(components);
		this.parameters.addSchema(components);
	}

	/** The operation a request goes to; literal path segments win over `{param}` ones. */
	match(method: string, path: string): OperationEntry | undefined {
		const upper = method.toUpperCase();
		const pathname = path.split('?')[0];
		if (pathname.includes('{')) {
			return this.operations.find((entry) => entry.method === upper && entry.path === pathname);
		}
		return this.operations
			.filter((entry) => entry.method === upper && entry.pattern.test(pathname))
			.sort((a, b) => b.literalSegments - a.literalSegments)[0];
	}

	validateResponse(check: ResponseCheck): ContractResult {
		const entry = this.match(check.method, check.path);
		if (!entry) return result(null, [`no operation ${check.method.toUpperCase()} ${check.path}`]);

		const status = String(check.status);
		const response =
			entry.operation.responses[status] ??
			entry.operation.responses[`${status[0]}XX`] ??
			entry.operation.responses.default;
		if (!response) return this.undocumentedResponse(entry, check);

		return result(entry.key, this.responseErrors(entry, response, check));
	}

	private undocumentedResponse(entry: OperationEntry, check: ResponseCheck): ContractResult {
		const why = `status ${check.status} is not documented for ${entry.key}`;
		if (!outsideContract(check.status)) return result(entry.key, [why], false);

		const errors = isEmptyBody(check.body)
			? [`${why}, and its body is empty`]
			: this.schemaErrors({ $ref: '#/components/schemas/errors_unavailable' }, check.body, 'body');
		return result(entry.key, errors, false);
	}

	private responseErrors(
		entry: OperationEntry,
		response: Response,
		check: ResponseCheck,
	): string[] {
		const where = `${entry.key} ${check.status}`;
		if (!response.content) {
			return isEmptyBody(check.body) ? [] : [`${where}: the spec documents no body, one was sent`];
		}
		if (isEmptyBody(check.body)) return [`${where}: the spec documents a body, none was sent`];

		const documentedTypes = Object.keys(response.content);
		const type = mediaType(check.contentType) ?? documentedTypes[0];
		const media = response.content[type];
		if (!media) {
			return [`${where}: content type ${type} is not documented (${documentedTypes.join(', ')})`];
		}
		return media.schema ? this.schemaErrors(media.schema, check.body, 'body') : [];
	}

	validateRequest(check: RequestCheck): ContractResult {
		const entry = this.match(check.method, check.path);
		if (!entry) return result(null, [`no operation ${check.method.toUpperCase()} ${check.path}`]);

		const errors = [
			...this.pathErrors(entry, check),
			...this.queryErrors(entry, check),
			...this.authorizationErrors(entry, check),
			...this.requestBodyErrors(entry, check),
		];
		return result(entry.key, errors);
	}

	private pathErrors(entry: OperationEntry, check: RequestCheck): string[] {
		const match = entry.pattern.exec(check.path.split('?')[0]);
		if (!match || entry.path === check.path) return [];

		const values: Record<string, string> = {};
		entry.pathParamNames.forEach((name, index) => {
			values[name] = decodeURIComponent(match[index + 1]);
		});
		return this.parameterErrors(entry, 'path', values);
	}

	private queryErrors(entry: OperationEntry, check: RequestCheck): string[] {
		const declared = entry.parameters.filter((parameter) => parameter.in === 'query');
		const errors: string[] = [];
		const values: Record<string, string | string[]> = {};

		for (const [name, value] of queryEntries(check)) {
			const parameter = declared.find((candidate) => candidate.name === name);
			if (!parameter) {
				errors.push(`query parameter ${name} is not in the spec for ${entry.key}`);
				continue;
			}
			const isArray = parameter.schema?.type === 'array';
			if (name in values && !isArray)
				errors.push(`query parameter ${name} is given more than once`);
			values[name] = isArray ? [...([] as string[]).concat(values[name] ?? []), value] : value;
		}
		return [...errors, ...this.parameterErrors(entry, 'query', values)];
	}

	private parameterErrors(
		entry: OperationEntry,
		location: Parameter['in'],
		values: Record<string, string | string[]>,
	): string[] {
		const validate = this.parameterValidator(entry, location);
		if (validate({ ...values })) return [];
		return this.describe(validate, location);
	}

	private parameterValidator(entry: OperationEntry, location: Parameter['in']): ValidateFunction {
		const cacheKey = `${entry.key} ${location}`;
		let validate = this.parameterValidators.get(cacheKey);
		if (!validate) {
			const declared = entry.parameters.filter((parameter) => parameter.in === location);
			const schema: JsonSchema = {
				type: 'object',
				properties: Object.fromEntries(
					declared.map((parameter) => [parameter.name, parameter.schema ?? {}]),
				),
				required: declared
					.filter((parameter) => parameter.required)
					.map((parameter) => parameter.name),
			};
			validate = this.parameters.compile(rewriteRefs(schema) as JsonSchema);
			this.parameterValidators.set(cacheKey, validate);
		}
		return validate;
	}

	private authorizationErrors(entry: OperationEntry, check: RequestCheck): string[] {
		if (!check.headers) return [];
		const security = entry.operation.security ?? this.spec.security ?? [];
		if (security.length === 0) return [];

		const authorization = Object.entries(check.headers).find(
			([name]) => name.toLowerCase() === 'authorization',
		)?.[1];
		return /^Bearer \S+$/.test(authorization ?? '')
			? []
			: [`${entry.key} needs an Authorization: Bearer header`];
	}

	private requestBodyErrors(entry: OperationEntry, check: RequestCheck): string[] {
		const { requestBody } = entry.operation;
		if (isEmptyBody(check.body)) {
			return requestBody?.required ? [`${entry.key} needs a request body`] : [];
		}
		if (!requestBody) return [`${entry.key} takes no request body, one was sent`];

		const headerType = Object.entries(check.headers ?? {}).find(
			([name]) => name.toLowerCase() === 'content-type',
		)?.[1];
		const type = mediaType(check.contentType ?? headerType);
		const documentedTypes = Object.keys(requestBody.content);
		const media = type ? requestBody.content[type] : undefined;
		if (!media) {
			return [
				`${entry.key}: request content type ${type ?? '(none)'} is not ${documentedTypes.join(', ')}`,
			];
		}

		let body = check.body;
		if (typeof body === 'string') {
			try {
				body = parseBodyText(body, type);
			} catch {
				return [`${entry.key}: the request body is not valid ${type}`];
			}
		}
		return media.schema ? this.schemaErrors(media.schema, body, 'request body') : [];
	}

	private schemaErrors(schema: JsonSchema, value: unknown, where: string): string[] {
		let validate = this.compiled.get(schema);
		if (!validate) {
			validate = this.bodies.compile(rewriteRefs(schema) as JsonSchema);
			this.compiled.set(schema, validate);
		}
		return validate(value) ? [] : this.describe(validate, where);
	}

	private describe(validate: ValidateFunction, where: string): string[] {
		const errors = (validate.errors ?? []).map((error) => {
			const params = JSON.stringify(error.params);
			return `${where}${error.instancePath || ''} ${error.message ?? 'is invalid'} ${params}`;
		});
		return errors.length > MAX_REPORTED_ERRORS
			? [
					...errors.slice(0, MAX_REPORTED_ERRORS),
					`... and ${errors.length - MAX_REPORTED_ERRORS} more`,
				]
			: errors;
	}
}

let shared: OpenApiContract | undefined;

/** The contract for Kajabi's spec with the known defects patched, loaded once per test file. */
export function kajabiContract(): OpenApiContract {
	shared ??= new OpenApiContract(patchSpec(loadKajabiSpec()));
	return shared;
}

function failure(kind: string, check: { method: string; path: string }, outcome: ContractResult) {
	const lines = outcome.errors.map((error) => `  - ${error}`).join('\n');
	return new Error(
		`${kind} ${check.method.toUpperCase()} ${check.path} breaks Kajabi's spec:\n${lines}`,
	);
}

/** Throws, listing every problem, when a response does not match Kajabi's spec. */
export function assertResponseMatchesSpec(check: ResponseCheck): ContractResult {
	const outcome = kajabiContract().validateResponse(check);
	if (!outcome.valid) throw failure(`response ${check.status} to`, check, outcome);
	return outcome;
}

/** Throws, listing every problem, when a request does not match Kajabi's spec. */
export function assertRequestMatchesSpec(check: RequestCheck): ContractResult {
	const outcome = kajabiContract().validateRequest(check);
	if (!outcome.valid) throw failure('request', check, outcome);
	return outcome;
}
