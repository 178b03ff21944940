import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { loadAll, searchList } from './searchList';
import type { PickableList } from './searchList';

export const CUSTOM_FIELDS: PickableList = {
	path: '/v1/custom_fields',
	searchKey: 'filter[title_cont]',
	label: 'title',
};

export async function searchCustomFields(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, CUSTOM_FIELDS, filter, paginationToken);
}

/** The custom fields by title, valued by handle (`custom_1`), for contact and form fields. */
export async function getCustomFieldHandles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await loadAll.call(this, CUSTOM_FIELDS, 'handle');
	return fields.map((field) => ({ ...field, name: `${field.name} (${String(field.value)})` }));
}
