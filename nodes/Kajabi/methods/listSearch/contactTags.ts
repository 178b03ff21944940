import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { loadAll, searchList } from './searchList';
import type { PickableList } from './searchList';

export const CONTACT_TAGS: PickableList = {
	path: '/v1/contact_tags',
	searchKey: 'filter[name_cont]',
	label: 'name',
};

export async function searchContactTags(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, CONTACT_TAGS, filter, paginationToken);
}

/** Every tag of the account, for the tag multi-selects. */
export async function getContactTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadAll.call(this, CONTACT_TAGS);
}
