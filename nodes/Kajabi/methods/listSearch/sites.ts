import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from './searchList';
import type { PickableList } from './searchList';

export const SITES: PickableList = {
	path: '/v1/sites',
	searchKey: 'filter[title_cont]',
	label: 'title',
};

export async function searchSites(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, SITES, filter, paginationToken);
}
