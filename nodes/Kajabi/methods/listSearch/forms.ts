import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from './searchList';
import type { PickableList } from './searchList';

export const FORMS: PickableList = {
	path: '/v1/forms',
	searchKey: 'filter[title_cont]',
	label: 'title',
};

export async function searchForms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, FORMS, filter, paginationToken);
}
