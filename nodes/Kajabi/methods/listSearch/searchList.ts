import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { kajabiApiRequest, nextLinkOf, nextPagePath } from '../../transport';

/** A Kajabi list the node offers in a picker. */
export interface PickableList {
	path: string;
	/** The `filter[...]` key that narrows the list to the text typed in the search box. */
	searchKey: string;
	/** The attribute shown as an entry's name. */
	label: string;
}

const PAGE_SIZE = 50;

const MAX_OPTIONS = 1_000;

interface ListPage {
	resources: IDataObject[];
	next: string | undefined;
}

async function readPage(
	this: ILoadOptionsFunctions,
	list: PickableList,
	search: string | undefined,
	next: string | undefined,
): Promise<ListPage> {
	const text = search?.trim();
	const answer = await kajabiApiRequest.call(this, {
		method: 'GET',
		path: next ?? list.path,
		qs:
			next === undefined
				? { 'page[size]': PAGE_SIZE, ...(text ? { [list.searchKey]: text } : {}) }
				: undefined,
	});
	const data = (answer as IDataObject | undefined)?.data;
	return {
		resources: Array.isArray(data) ? (data as IDataObject[]) : [],
		next: nextPagePath(nextLinkOf(answer)),
	};
}

function nameOf(resource: IDataObject, list: PickableList): string {
	const label = ((resource.attributes ?? {}) as IDataObject)[list.label];
	return typeof label === 'string' && label.trim() !== '' ? label : `#${String(resource.id)}`;
}

/** One page of a list for a resource locator; the next page's path is the pagination token. */
export async function searchList(
	this: ILoadOptionsFunctions,
	list: PickableList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage.call(this, list, filter, paginationToken);
	return {
		results: page.resources.map((resource) => ({
			name: nameOf(resource, list),
			value: String(resource.id),
		})),
		paginationToken: page.next,
	};
}

/**
 * The whole list (up to a thousand entries) for a dropdown, sorted by name. The value is the
 * ID, or the attribute named by `valueAttribute` (custom fields use their handle).
 */
export async function loadAll(
	this: ILoadOptionsFunctions,
	list: PickableList,
	valueAttribute?: string,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let next: string | undefined;
	do {
		const page = await readPage.call(this, list, undefined, next);
		for (const resource of page.resources) {
			const attributes = (resource.attributes ?? {}) as IDataObject;
			const value = valueAttribute ? attributes[valueAttribute] : resource.id;
			if (value === undefined || value === null || value === '') continue;
			options.push({ name: nameOf(resource, list), value: String(value) });
		}
		next = page.next;
	} while (next !== undefined && options.length < MAX_OPTIONS);

	return options.sort((a, b) => a.name.localeCompare(b.name));
}
