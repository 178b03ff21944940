import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import type {
	KajabiPath,
	MethodOf,
	PathKey,
	QueryKey,
	RequestBodyOf,
} from '../../shared/kajabiApi/types';
import { kajabiApiRequest, kajabiApiRequestAllItems } from '../transport';
import { identifiersOf, presentResources } from './jsonApi';
import { limitField, returnAllField, simplifyOption } from './parameters';
import type { ParameterSource, QueryPart, QueryValue } from './queryParts';
import { readId } from './readParameters';
import type { KajabiOperation } from './types';

/**
 * An operation described as data: which endpoint, which fields fill its path, query and body,
 * and what shape its answer has. `defineOperation` turns a description into the fields n8n
 * shows and the one generic run that sends the request and shapes the items.
 */

/** Where a `{placeholder}` of the path comes from. */
export interface PathParameter {
	properties: INodeProperties[];
	read(this: IExecuteFunctions, itemIndex: number): string;
}

/** A path ID typed in by the user or picked with a resource locator. */
export function pathId(property: INodeProperties, label?: string): PathParameter {
	return {
		properties: [property],
		read(itemIndex) {
			return readId.call(this, property.name, itemIndex, label ?? property.displayName);
		},
	};
}

export type OutputShape =
	/** `data` is one resource: one item. */
	| 'resource'
	/** `data` is a list of resources, read page by page: one item per resource. */
	| 'resources'
	/** `data` is a list of resource identifiers: one item per identifier. */
	| 'identifiers'
	/** The whole answer as one item (version). */
	| 'document'
	/** Nothing useful comes back: one item confirming the deletion. */
	| 'deleted';

/** A relationship change: one item with the owner's ID and the relationship as it now is. */
export interface RelationshipOutput {
	ownerField: string;
	relationship: string;
}

type PathParameters<P extends KajabiPath, M extends MethodOf<P>> = {
	[Key in PathKey<P, M>]: PathParameter;
};

export interface OperationDefinition<P extends KajabiPath, M extends MethodOf<P>> {
	value: string;
	name: string;
	action: string;
	description: string;
	method: M;
	path: P;
	pathParameters?: PathParameters<P, M>;
	/** Fields of the operation other than path IDs and query parts (usually the body). */
	properties?: INodeProperties[];
	query?: Array<QueryPart<QueryKey<P, M>>>;
	body?: (this: IExecuteFunctions, itemIndex: number) => RequestBodyOf<P, M>;
	output: OutputShape | RelationshipOutput;
	/** Adds Return All and Limit; `pageSize` sends `page[size]` where the endpoint takes it. */
	paging?: { pageSize: 'page[size]' extends QueryKey<P, M> ? boolean : false };
	/** Reads extra query values the parts do not cover. */
	extraQuery?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
}

const MAX_PAGE_SIZE = 100;

const SIMPLIFIABLE: Array<OutputShape | RelationshipOutput> = ['resource', 'resources'];

function collection(
	name: 'filters' | 'options',
	entries: INodeProperties[],
): INodeProperties | undefined {
	if (entries.length === 0) return undefined;
	const sorted = [...entries].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return name === 'filters'
		? {
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: sorted,
			}
		: {
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: sorted,
			};
}

/** The definition with its spec types erased, for the generic run. */
interface OperationPlan {
	path: string;
	pathParameters: Record<string, PathParameter>;
	query: Array<QueryPart<string>>;
	properties: INodeProperties[];
	output: OutputShape | RelationshipOutput;
	paging?: { pageSize: boolean };
	body?: (this: IExecuteFunctions, itemIndex: number) => unknown;
	extraQuery?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
}

function propertiesOf(plan: OperationPlan): INodeProperties[] {
	const parts = plan.query;
	const optionEntries = parts.flatMap((part) => part.optionOptions ?? []);
	if (SIMPLIFIABLE.includes(plan.output)) optionEntries.push(simplifyOption);

	return [
		...Object.values(plan.pathParameters).flatMap((parameter) => parameter.properties),
		...plan.properties,
		...parts.flatMap((part) => part.properties ?? []),
		...(plan.paging ? [returnAllField, limitField] : []),
		collection(
			'filters',
			parts.flatMap((part) => part.filterOptions ?? []),
		),
		collection('options', optionEntries),
	].filter((property): property is INodeProperties => property !== undefined);
}

interface FilledPath {
	path: string;
	/** The values put in the path, by placeholder, in path order. */
	values: string[];
}

function fillPath(this: IExecuteFunctions, plan: OperationPlan, itemIndex: number): FilledPath {
	const values: string[] = [];
	const path = plan.path.replace(/\{(\w+)\}/g, (_match, key: string) => {
		const parameter = plan.pathParameters[key];
		if (parameter === undefined) throw new Error(`No field fills {${key}} in ${plan.path}`);
		const value = parameter.read.call(this, itemIndex);
		values.push(value);
		return encodeURIComponent(value);
	});
	return { path, values };
}

function readQuery(this: IExecuteFunctions, plan: OperationPlan, itemIndex: number): IDataObject {
	const parts = plan.query;
	const source: ParameterSource = {
		get: (name) => this.getNodeParameter(name, itemIndex, '', { extractValue: true }),
		filters: parts.some((part) => part.filterOptions?.length)
			? (this.getNodeParameter('filters', itemIndex, {}) as IDataObject)
			: {},
		options: parts.some((part) => part.optionOptions?.length)
			? (this.getNodeParameter('options', itemIndex, {}) as IDataObject)
			: {},
	};

	const query: IDataObject = {};
	for (const part of parts) {
		const values = part.read(source) as Record<string, QueryValue | undefined>;
		for (const [key, value] of Object.entries(values)) {
			if (value !== undefined) query[key] = value;
		}
	}
	return { ...query, ...(plan.extraQuery?.call(this, itemIndex) ?? {}) };
}

function readSimplify(this: IExecuteFunctions, itemIndex: number): boolean {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.simplify !== false;
}

export function defineOperation<P extends KajabiPath, M extends MethodOf<P>>(
	definition: OperationDefinition<P, M>,
): KajabiOperation {
	const method = definition.method.toUpperCase() as IHttpRequestMethods;
	const plan: OperationPlan = {
		path: definition.path,
		pathParameters: (definition.pathParameters ?? {}) as Record<string, PathParameter>,
		query: (definition.query ?? []) as Array<QueryPart<string>>,
		properties: definition.properties ?? [],
		output: definition.output,
		paging: definition.paging,
		body: definition.body as OperationPlan['body'],
		extraQuery: definition.extraQuery,
	};

	async function readList(
		this: IExecuteFunctions,
		itemIndex: number,
		path: string,
		qs: IDataObject,
	): Promise<IDataObject[]> {
		const returnAll = plan.paging
			? (this.getNodeParameter('returnAll', itemIndex, false) as boolean)
			: true;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		if (plan.paging?.pageSize) qs['page[size]'] = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);

		const list = await kajabiApiRequestAllItems.call(this, { path, qs, itemIndex, limit });
		if (plan.output === 'identifiers') return identifiersOf({ data: list.items }) as IDataObject[];
		return presentResources(list.items, list.included, readSimplify.call(this, itemIndex));
	}

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const { path, values } = fillPath.call(this, plan, itemIndex);
		const qs = readQuery.call(this, plan, itemIndex);
		const output = plan.output;
		if (output === 'resources' || output === 'identifiers') {
			return await readList.call(this, itemIndex, path, qs);
		}

		const body = plan.body?.call(this, itemIndex) as IDataObject | undefined;
		const answer = await kajabiApiRequest.call(this, { method, path, qs, body, itemIndex });
		const document = (answer ?? {}) as IDataObject;

		switch (output) {
			case 'resource': {
				const data = document.data;
				const resources = data === undefined || data === null ? [] : [data];
				return presentResources(resources, document.included, readSimplify.call(this, itemIndex));
			}
			case 'document':
				return [document];
			case 'deleted':
				return [{ deleted: true, id: values[values.length - 1] }];
			default:
				return [{ [output.ownerField]: values[0], [output.relationship]: identifiersOf(answer) }];
		}
	}

	return {
		option: {
			name: definition.name,
			value: definition.value,
			action: definition.action,
			description: definition.description,
		},
		properties: propertiesOf(plan),
		execute,
	};
}
