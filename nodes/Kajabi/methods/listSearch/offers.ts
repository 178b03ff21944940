import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { loadAll, searchList } from './searchList';
import type { PickableList } from './searchList';

export const OFFERS: PickableList = {
	path: '/v1/offers',
	searchKey: 'filter[title_cont]',
	label: 'title',
};

export async function searchOffers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, OFFERS, filter, paginationToken);
}

/** Every offer of the account, for the offer multi-selects. */
export async function getOffers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadAll.call(this, OFFERS);
}
