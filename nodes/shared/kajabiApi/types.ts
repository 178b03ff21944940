import type { components, paths } from './openapi.generated';

/**
 * Helper types over the types openapi-typescript generated from Kajabi's spec: they name what
 * an endpoint accepts and returns without restating any of it by hand.
 */

export type Schemas = components['schemas'];

export type KajabiPath = keyof paths;

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** The methods the spec defines for a path (the others are typed `never` there). */
export type MethodOf<P extends KajabiPath> = {
	[M in HttpMethod]: undefined extends paths[P][M] ? never : M;
}[HttpMethod];

export type OperationOf<P extends KajabiPath, M extends HttpMethod> = NonNullable<paths[P][M]>;

type ParametersOf<P extends KajabiPath, M extends HttpMethod> =
	OperationOf<P, M> extends { parameters: infer Parameters } ? Parameters : never;

/** The query parameters of an endpoint, keyed as the spec spells them (`filter[site_id]`). */
export type QueryOf<P extends KajabiPath, M extends HttpMethod> =
	ParametersOf<P, M> extends { query?: infer Query } ? NonNullable<Query> : never;

export type QueryKey<P extends KajabiPath, M extends HttpMethod> = keyof QueryOf<P, M> & string;

/** The names of the `{placeholders}` in an endpoint's path. */
export type PathKey<P extends KajabiPath, M extends HttpMethod> =
	ParametersOf<P, M> extends { path: infer Path } ? keyof Path & string : never;

/** The JSON:API body an endpoint takes. */
export type RequestBodyOf<P extends KajabiPath, M extends HttpMethod> =
	OperationOf<P, M> extends {
		requestBody?: { content: { 'application/vnd.api+json': infer Body } };
	}
		? Body
		: never;

type SuccessStatus = 200 | 201;

/** The body of an endpoint's successful answer (200 or 201), where the spec describes one. */
export type ResponseBodyOf<P extends KajabiPath, M extends HttpMethod> =
	OperationOf<P, M> extends { responses: infer Responses }
		? {
				[S in SuccessStatus & keyof Responses]: Responses[S] extends {
					content: { 'application/vnd.api+json': infer Body };
				}
					? Body
					: never;
			}[SuccessStatus & keyof Responses]
		: never;

export type ResourceIdentifier = Schemas['resource_identifier'];

export type KajabiErrorObject = Schemas['errors_attributes'];

/** The error document of the resource endpoints (400, 401, 403, 404, 422, 503). */
export type KajabiErrorDocument = Schemas['errors_unprocessable'];

/** The token endpoint's error body, `{"error": "invalid_client"}`. */
export type KajabiTokenError = Schemas['errors_authentication_failed'];

export type KajabiToken = Schemas['oauth_token_response'];

/** The attributes a contact takes: the spec lists `custom_1` to `custom_3`, sites have up to 150. */
export type ContactAttributes = Omit<
	Schemas['contacts_attributes'],
	'created_at' | 'updated_at'
> & {
	[handle: `custom_${number}`]: string | null | undefined;
};

export type FormSubmissionAttributes = Schemas['form_submission_attributes'] & {
	[handle: `custom_${number}`]: string | null | undefined;
};

export type HookEvent = Schemas['hooks_attributes']['event'];
