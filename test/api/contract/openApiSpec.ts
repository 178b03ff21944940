import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/** Kajabi's own OpenAPI 3.1 description of its Public API, kept unchanged in the repository. */
export const SPEC_PATH = join(__dirname, '..', '..', '..', 'spec', 'kajabi-openapi.yaml');

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export type JsonSchema = { [keyword: string]: unknown };

export interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header' | 'cookie';
	required?: boolean;
	description?: string;
	schema?: JsonSchema;
}

export interface MediaType {
	schema?: JsonSchema;
}

export interface Response {
	description?: string;
	content?: Record<string, MediaType>;
}

export interface Operation {
	summary?: string;
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, MediaType> };
	responses: Record<string, Response>;
	security?: Array<Record<string, string[]>>;
}

export type PathItem = { parameters?: Parameter[] } & { [method: string]: Operation | unknown };

export interface OpenApiDocument {
	openapi: string;
	info: { title: string; version: string };
	paths: Record<string, PathItem>;
	components: { schemas: Record<string, JsonSchema> };
	security?: Array<Record<string, string[]>>;
}

let parsed: OpenApiDocument | undefined;

/** A fresh copy of the spec exactly as Kajabi publishes it (callers may change their copy). */
export function loadKajabiSpec(): OpenApiDocument {
	parsed ??= parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;
	return structuredClone(parsed);
}

/** The operation at `method` and `path` (a template such as `/v1/contacts/{id}`), if any. */
export function operationAt(
	spec: OpenApiDocument,
	method: string,
	path: string,
): Operation | undefined {
	const item = spec.paths[path];
	return item?.[method.toLowerCase()] as Operation | undefined;
}

/** Every operation in the spec as `[METHOD, path template, operation]`, in the spec's order. */
export function listOperations(spec: OpenApiDocument): Array<[string, string, Operation]> {
	return Object.entries(spec.paths).flatMap(([path, item]) =>
		HTTP_METHODS.filter((method) => item[method] !== undefined).map(
			(method): [string, string, Operation] => [
				method.toUpperCase(),
				path,
				item[method] as Operation,
			],
		),
	);
}
