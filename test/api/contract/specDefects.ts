import type { JsonSchema, OpenApiDocument, Operation, Parameter } from './openApiSpec';
import { operationAt } from './openApiSpec';

/**
 * Places where Kajabi's spec contradicts itself or the API it describes. Each one is patched
 * on the loaded copy, never by loosening the validator, and each says why in one line.
 * `presentIn` tells whether Kajabi's published spec still has the defect, so a test notices
 * the day a patch is no longer needed.
 *
 * Not patched: this OpenAPI 3.1 document marks 28 schemas `nullable: true`, a 3.0 keyword that
 * JSON Schema 2020-12 does not have. Ajv honours it by design (null joins the listed types),
 * which is what Kajabi means, so it needs no patch; a contract test pins that behaviour down.
 */
export interface SpecDefect {
	id: string;
	reason: string;
	presentIn(spec: OpenApiDocument): boolean;
	patch(spec: OpenApiDocument): void;
}

const JSON_API = 'application/vnd.api+json';

type Node = { [key: string]: unknown };

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaAt(root: unknown, ...keys: string[]): Node {
	let node = root;
	for (const key of keys) {
		if (!isNode(node) || !(key in node)) throw new Error(`spec has no ${keys.join(' > ')}`);
		node = node[key];
	}
	if (!isNode(node)) throw new Error(`spec's ${keys.join(' > ')} is not an object`);
	return node;
}

function requireOperation(spec: OpenApiDocument, method: string, path: string): Operation {
	const operation = operationAt(spec, method, path);
	if (!operation) throw new Error(`spec has no ${method} ${path}`);
	return operation;
}

function typesOf(schema: Node): unknown[] {
	return ([] as unknown[]).concat(schema.type ?? []);
}

const formWebhookUrlType: SpecDefect = {
	id: 'form-webhook-url-type',
	reason:
		'form_attributes.webhook_url is typed `object`, but the text calls it a URL string and the ' +
		'examples show "https://example.com/webhook" or null.',
	presentIn(spec) {
		const webhookUrl = schemaAt(
			spec.components.schemas,
			'form_attributes',
			'properties',
			'webhook_url',
		);
		return typesOf(webhookUrl).includes('object');
	},
	patch(spec) {
		const properties = schemaAt(spec.components.schemas, 'form_attributes', 'properties');
		properties.webhook_url = { type: ['string', 'null'] };
	},
};

function hookCreateAttributes(spec: OpenApiDocument): Node {
	const { requestBody } = requireOperation(spec, 'post', '/v1/hooks');
	return schemaAt(
		requestBody?.content[JSON_API]?.schema,
		'properties',
		'data',
		'properties',
		'attributes',
	);
}

const hookResourceIdString: SpecDefect = {
	id: 'hook-resource-id-string',
	reason:
		"POST /v1/hooks types resource_id as an integer, while the spec's own example request " +
		'sends "resource_id": "123"; requests may carry either (answers stay integer).',
	presentIn(spec) {
		const resourceId = schemaAt(
			spec.components.schemas,
			'hooks_attributes',
			'properties',
			'resource_id',
		);
		return (
			hookCreateAttributes(spec).$ref === '#/components/schemas/hooks_attributes' &&
			!typesOf(resourceId).includes('string')
		);
	},
	patch(spec) {
		const attributes = structuredClone(spec.components.schemas.hooks_attributes) as Node;
		schemaAt(attributes, 'properties').resource_id = {
			anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }, { type: 'null' }],
		};
		const data = schemaAt(
			requireOperation(spec, 'post', '/v1/hooks').requestBody?.content[JSON_API]?.schema,
			'properties',
			'data',
			'properties',
		);
		data.attributes = attributes;
	},
};

function duplicateParameters(parameters: Parameter[] = []): Parameter[] {
	const seen = new Set<string>();
	return parameters.filter((parameter) => {
		const key = `${parameter.in} ${parameter.name}`;
		if (!seen.has(key)) {
			seen.add(key);
			return false;
		}
		return true;
	});
}

const customerShowDuplicateParameters: SpecDefect = {
	id: 'customer-show-duplicate-parameters',
	reason:
		'GET /v1/customers/{id} lists `include` six times and filter[products_search] and ' +
		'filter[offers_search] three times each; OpenAPI requires unique name and location.',
	presentIn(spec) {
		return (
			duplicateParameters(requireOperation(spec, 'get', '/v1/customers/{id}').parameters).length > 0
		);
	},
	patch(spec) {
		const operation = requireOperation(spec, 'get', '/v1/customers/{id}');
		const duplicates = new Set(duplicateParameters(operation.parameters));
		operation.parameters = operation.parameters?.filter((parameter) => !duplicates.has(parameter));
	},
};

function podcastLinks(spec: OpenApiDocument): Node {
	const { responses } = requireOperation(spec, 'get', '/v1/podcasts');
	return schemaAt(
		responses['200'].content?.[JSON_API]?.schema,
		'properties',
		'links',
		'properties',
	);
}

const podcastPageLinksNull: SpecDefect = {
	id: 'podcast-page-links-null',
	reason:
		'GET /v1/podcasts types links.prev and links.next as strings, yet every list in the spec ' +
		'answers null for them on the first and the last page.',
	presentIn(spec) {
		return !typesOf(schemaAt(podcastLinks(spec), 'next')).includes('null');
	},
	patch(spec) {
		const links = podcastLinks(spec);
		for (const name of ['first', 'prev', 'next', 'last'])
			links[name] = { type: ['string', 'null'] };
	},
};

function transactionOfferData(spec: OpenApiDocument): Node[] {
	const { schemas } = spec.components;
	const index = schemaAt(schemas, 'transactions_index_response', 'properties', 'data', 'items');
	const show = schemaAt(schemas, 'transactions_show_response', 'properties', 'data');
	return [index, show].map((resource) =>
		schemaAt(resource, 'properties', 'relationships', 'properties', 'offer', 'properties'),
	);
}

const transactionOfferNull: SpecDefect = {
	id: 'transaction-offer-null',
	reason:
		'A transaction\'s deprecated offer relationship is "null for bundled (multi-offer) ' +
		'transactions" by its own description, but its data is a resource identifier, ' +
		'which cannot be null.',
	presentIn(spec) {
		return transactionOfferData(spec).every(
			(offer) =>
				isNode(offer.data) && offer.data.$ref === '#/components/schemas/resource_identifier',
		);
	},
	patch(spec) {
		for (const offer of transactionOfferData(spec)) {
			offer.data = {
				anyOf: [{ $ref: '#/components/schemas/resource_identifier' }, { type: 'null' }],
			};
		}
	},
};

function purchaseSampleProductType(spec: OpenApiDocument): Node {
	const { responses } = requireOperation(spec, 'get', '/v1/hooks/purchase_sample');
	const items = schemaAt(responses['200'].content?.[JSON_API]?.schema, 'items');
	const purchase = (items.anyOf as unknown[])[0];
	return schemaAt(
		purchase,
		'properties',
		'relationships',
		'properties',
		'products',
		'properties',
		'data',
		'items',
		'properties',
		'type',
	);
}

const purchaseSampleProductsType: SpecDefect = {
	id: 'purchase-sample-products-type',
	reason:
		"The purchase hook sample's schema types a purchase's products as `offers` (a copy of the line " +
		'above); its own sample sends an empty list, and a purchase with products fails.',
	presentIn(spec) {
		const type = purchaseSampleProductType(spec);
		return Array.isArray(type.enum) && type.enum.includes('offers');
	},
	patch(spec) {
		purchaseSampleProductType(spec).enum = ['products'];
	},
};

const SITE_FILTERED_LISTS = ['/v1/blog_posts', '/v1/landing_pages', '/v1/website_pages'];

const siteFilterUndeclared: SpecDefect = {
	id: 'site-filter-undeclared',
	reason:
		'The blog post, landing page and website page lists describe filter[site_id] in their text ' +
		'but do not declare the parameter.',
	presentIn(spec) {
		return SITE_FILTERED_LISTS.every(
			(path) =>
				!requireOperation(spec, 'get', path).parameters?.some(
					(parameter) => parameter.name === 'filter[site_id]',
				),
		);
	},
	patch(spec) {
		for (const path of SITE_FILTERED_LISTS) {
			const operation = requireOperation(spec, 'get', path);
			operation.parameters = [
				...(operation.parameters ?? []),
				{
					name: 'filter[site_id]',
					in: 'query',
					required: false,
					description: 'Filter by site_id, as the operation describes',
					schema: { type: 'string' },
				},
			];
		}
	},
};

function payoutResource(withTransactions: boolean): JsonSchema {
	const attributes: Node = {
		status: { type: 'string' },
		amount: { type: 'number' },
		currency: { type: 'string' },
		initiated_date: { type: 'string', format: 'date-time' },
		estimated_arrival_date: { type: 'string', format: 'date-time' },
		bank_account: { type: ['string', 'null'] },
	};
	if (withTransactions) attributes.transactions = { type: 'array', items: { type: 'object' } };
	return {
		type: 'object',
		required: ['id', 'type'],
		properties: {
			id: { type: 'string' },
			type: { type: 'string', enum: ['kajabi_payments_payouts'] },
			attributes: { type: 'object', properties: attributes },
		},
	};
}

const PAYOUT_SCHEMAS: Array<[string, JsonSchema]> = [
	[
		'/v1/kajabi_payments_payouts',
		{
			type: 'object',
			required: ['data'],
			properties: {
				data: { type: 'array', items: payoutResource(false) },
				links: { type: 'object' },
				meta: {
					type: 'object',
					properties: { total: { type: 'integer' }, pagination: { type: 'object' } },
				},
			},
		},
	],
	[
		'/v1/kajabi_payments_payouts/{id}',
		{ type: 'object', required: ['data'], properties: { data: payoutResource(true) } },
	],
];

const payoutsWithoutSchema: SpecDefect = {
	id: 'payouts-without-schema',
	reason:
		'Both payout operations show a JSON:API body in their text (with its own meta: total and ' +
		'pagination) but declare no content for 200; the patch writes that shape down.',
	presentIn(spec) {
		return PAYOUT_SCHEMAS.every(
			([path]) => requireOperation(spec, 'get', path).responses['200'].content === undefined,
		);
	},
	patch(spec) {
		for (const [path, schema] of PAYOUT_SCHEMAS) {
			requireOperation(spec, 'get', path).responses['200'].content = { [JSON_API]: { schema } };
		}
	},
};

type MissingResponse = [method: string, path: string, status: string, schema: string, why: string];

const NOT_FOUND = 'Not found, the resource is unknown';
const MISSING_RESPONSES: MissingResponse[] = [
	['get', '/v1/blog_posts/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/contact_tags/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/contacts/{id}', '404', 'errors_not_found', NOT_FOUND],
	['patch', '/v1/contacts/{id}', '404', 'errors_not_found', NOT_FOUND],
	['delete', '/v1/contacts/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/courses/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/custom_fields/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/customers/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/offers/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/products/{id}', '404', 'errors_not_found', NOT_FOUND],
	['get', '/v1/sites/{id}', '404', 'errors_not_found', NOT_FOUND],
	['post', '/v1/forms/{id}/submit', '404', 'errors_not_found', NOT_FOUND],
	[
		'post',
		'/v1/forms/{id}/submit',
		'422',
		'errors_unprocessable',
		'Name or email missing or invalid',
	],
	[
		'get',
		'/v1/contacts',
		'400',
		'errors_bad_request',
		'filter[site_id] missing on a multi-site account',
	],
	['get', '/v1/kajabi_payments_payouts', '400', 'errors_bad_request', 'filter[site_id] missing'],
	[
		'get',
		'/v1/kajabi_payments_payouts/{id}',
		'400',
		'errors_bad_request',
		'filter[site_id] missing',
	],
];

const missingErrorResponses: SpecDefect = {
	id: 'missing-error-responses',
	reason:
		'Some answers the API must give are not listed: 404 for an unknown id on paths with an id, ' +
		'400 when a required filter[site_id] is missing, ' +
		'422 for a form submission without name or email.',
	presentIn(spec) {
		return MISSING_RESPONSES.every(
			([method, path, status]) =>
				requireOperation(spec, method, path).responses[status] === undefined,
		);
	},
	patch(spec) {
		for (const [method, path, status, schema, why] of MISSING_RESPONSES) {
			requireOperation(spec, method, path).responses[status] = {
				description: why,
				content: { [JSON_API]: { schema: { $ref: `#/components/schemas/${schema}` } } },
			};
		}
	},
};

export const KNOWN_SPEC_DEFECTS: readonly SpecDefect[] = [
	formWebhookUrlType,
	hookResourceIdString,
	customerShowDuplicateParameters,
	podcastPageLinksNull,
	transactionOfferNull,
	purchaseSampleProductsType,
	siteFilterUndeclared,
	payoutsWithoutSchema,
	missingErrorResponses,
];

/** Applies the known defect patches (all, or all but those named in `except`) in place. */
export function patchSpec(
	spec: OpenApiDocument,
	{ except = [] as string[] } = {},
): OpenApiDocument {
	for (const defect of KNOWN_SPEC_DEFECTS) {
		if (!except.includes(defect.id)) defect.patch(spec);
	}
	return spec;
}
