import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { siteLocator } from './parameters';

/**
 * Query parameters described once: the fields a user fills in, and how their values become
 * Kajabi's query keys. `K` is the set of keys a part writes; an operation accepts a part only
 * when its endpoint declares those keys in Kajabi's spec.
 */

export type QueryValue = string | number | string[];

export interface ParameterSource {
	/** A top-level field of the operation (resource locators give their value). */
	get(name: string): unknown;
	/** The values of the "Filters" collection. */
	filters: IDataObject;
	/** The values of the "Options" collection. */
	options: IDataObject;
}

export interface QueryPart<K extends string> {
	readonly keys: readonly K[];
	/** Fields at the top of the operation. */
	properties?: INodeProperties[];
	/** Entries of the "Filters" collection. */
	filterOptions?: INodeProperties[];
	/** Entries of the "Options" collection. */
	optionOptions?: INodeProperties[];
	read(source: ParameterSource): Partial<Record<K, QueryValue>>;
}

/** `filter[has_tag_id]` becomes the field name `hasTagId`. */
export function fieldNameOf(key: string): string {
	const inner = key
		.replace(/^filter\[/, '')
		.replace(/\[\]$/, '')
		.replace(/\]$/, '');
	return inner.replace(/[_[\]]+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function present(value: unknown): QueryValue | undefined {
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (Array.isArray(value)) {
		const list = value.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
		return list.length > 0 ? list : undefined;
	}
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	return undefined;
}

/** The site a list is limited to (optional), or the site a request must name (required). */
export function siteFilter(required = false, description?: string): QueryPart<'filter[site_id]'> {
	return {
		keys: ['filter[site_id]'],
		properties: [siteLocator(required, description)],
		read: (source) => {
			const site = present(source.get('siteId'));
			return site === undefined ? {} : { 'filter[site_id]': site };
		},
	};
}

export interface FilterDefinition<K extends string> {
	key: K;
	displayName: string;
	description: string;
	type?: 'string' | 'number' | 'boolean' | 'dateTime' | 'options';
	options?: INodePropertyOptions[];
	placeholder?: string;
}

function filterField<K extends string>(definition: FilterDefinition<K>): INodeProperties {
	const type = definition.type ?? 'string';
	const base = {
		displayName: definition.displayName,
		name: fieldNameOf(definition.key),
		description: definition.description,
		...(definition.placeholder ? { placeholder: definition.placeholder } : {}),
	};
	if (type === 'boolean') return { ...base, type, default: true };
	if (type === 'number') return { ...base, type, default: 30, typeOptions: { minValue: 0 } };
	if (type === 'options') {
		const options = definition.options ?? [];
		return { ...base, type, options, default: options[0]?.value ?? '' };
	}
	return { ...base, type, default: '' };
}

/** Entries of the "Filters" collection, each sent as its own `filter[...]` key. */
export function filters<const K extends string>(
	definitions: ReadonlyArray<FilterDefinition<K>>,
): QueryPart<K> {
	return {
		keys: definitions.map((definition) => definition.key),
		filterOptions: definitions.map(filterField),
		read: (source) => {
			const query: Partial<Record<K, QueryValue>> = {};
			for (const definition of definitions) {
				const raw = source.filters[fieldNameOf(definition.key)];
				const value =
					definition.type === 'dateTime' && typeof raw === 'string' && raw.length >= 10
						? raw.slice(0, 10)
						: present(raw);
				if (value !== undefined) query[definition.key] = value;
			}
			return query;
		},
	};
}

const SMALL_WORDS = new Set([
	'a',
	'an',
	'and',
	'at',
	'by',
	'for',
	'in',
	'of',
	'on',
	'or',
	'the',
	'to',
]);

/** `last_request_at` as `Last Request at`: title case, as n8n writes option names. */
function titleOf(field: string): string {
	return field
		.split('_')
		.map((word, index) =>
			index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
		)
		.join(' ');
}

/** The "Sort" option: one entry per field and direction (`-` for descending). */
export function sort(fields: readonly string[]): QueryPart<'sort'> {
	const firstField = fields[0];
	const options = fields
		.flatMap((field) => [
			{ name: `${titleOf(field)}, Ascending`, value: field },
			{ name: `${titleOf(field)}, Descending`, value: `-${field}` },
		])
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		keys: ['sort'],
		optionOptions: [
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				options,
				default: firstField,
				description: 'The order Kajabi returns the results in',
			},
		],
		read: (source) => {
			const value = present(source.options.sort);
			return value === undefined ? {} : { sort: value };
		},
	};
}

/** The "Fields" option: a sparse fieldset, `fields[<type>]=name,email`. */
export function sparseFields<const T extends string>(
	type: T,
	example: string,
): QueryPart<`fields[${T}]`> {
	const key = `fields[${type}]` as const;
	return {
		keys: [key],
		optionOptions: [
			{
				displayName: 'Attributes to Return',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: example,
				description:
					'Comma-separated attribute names Kajabi returns for each resource. Leave empty for all.',
			},
		],
		read: (source) => {
			const value = present(source.options.fields);
			if (typeof value !== 'string') return {};
			return {
				[key]: value
					.split(',')
					.map((name) => name.trim())
					.filter(Boolean)
					.join(','),
			} as Partial<Record<`fields[${T}]`, QueryValue>>;
		},
	};
}

/** The "Include" option: related resources Kajabi adds to the answer. */
export function include(options: INodePropertyOptions[]): QueryPart<'include'> {
	return {
		keys: ['include'],
		optionOptions: [
			{
				displayName: 'Include Related',
				name: 'include',
				type: 'multiOptions',
				options,
				default: [],
				description: 'Related resources to return with each result, in the same request',
			},
		],
		read: (source) => {
			const value = present(source.options.include);
			return Array.isArray(value) ? { include: value.join(',') } : {};
		},
	};
}
