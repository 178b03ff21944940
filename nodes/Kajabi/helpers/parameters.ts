import type { INodeProperties } from 'n8n-workflow';

/**
 * Field builders shared by the operations. The resource and operation display conditions are
 * added where the node description is put together (`actions/description.ts`).
 */

interface LocatorOptions {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: string;
	placeholder: string;
	required?: boolean;
}

/** A "from list or by ID" picker for a Kajabi resource the account can list. */
export function resourceLocator(options: LocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required === false ? {} : { required: true }),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
			},
		],
	};
}

export function siteLocator(required: boolean, description?: string): INodeProperties {
	return resourceLocator({
		name: 'siteId',
		displayName: 'Site',
		description:
			description ??
			(required
				? 'The Kajabi site (a Kajabi account can have several).'
				: 'Only resources of this Kajabi site. Leave empty for every site the key can see.'),
		searchListMethod: 'searchSites',
		placeholder: '2148000000',
		required,
	});
}

export function formLocator(description: string): INodeProperties {
	return resourceLocator({
		name: 'formId',
		displayName: 'Form',
		description,
		searchListMethod: 'searchForms',
		placeholder: '2148000001',
	});
}

export function offerLocator(description: string): INodeProperties {
	return resourceLocator({
		name: 'offerId',
		displayName: 'Offer',
		description,
		searchListMethod: 'searchOffers',
		placeholder: '2148000002',
	});
}

export function contactTagLocator(description: string): INodeProperties {
	return resourceLocator({
		name: 'tagId',
		displayName: 'Tag',
		description,
		searchListMethod: 'searchContactTags',
		placeholder: '2148000003',
	});
}

export function customFieldLocator(description: string): INodeProperties {
	return resourceLocator({
		name: 'customFieldId',
		displayName: 'Custom Field',
		description,
		searchListMethod: 'searchCustomFields',
		placeholder: '2148000004',
	});
}

/** A required ID typed or mapped in (resources the node does not list in a dropdown). */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		description,
	};
}

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to flatten each resource into its ID, type, attributes and related resources, instead of Kajabi's JSON:API shape",
};

interface IdsFieldOptions {
	name: string;
	displayName: string;
	description: string;
	loadOptionsMethod: string;
	required?: boolean;
}

/** Several IDs picked from a list loaded from the account (or given by an expression). */
export function idsField(options: IdsFieldOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: options.loadOptionsMethod },
		default: [],
		...(options.required === false ? {} : { required: true }),
		description: options.description,
	};
}
