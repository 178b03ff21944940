import type { IDataObject } from 'n8n-workflow';

import { kajabiApiRequest } from './kajabiApiRequest';
import type { KajabiFunctions } from './kajabiApiRequest';
import { collectPages, nextLinkOf, nextPagePath } from './pagination';
import type { Collected } from './pagination';

export interface ListRequest<T> {
	/** The list's path, such as `/v1/contacts`. */
	path: string;
	/** The first page's query; later pages use the query inside `links.next`. */
	qs?: IDataObject;
	itemIndex?: number;
	/** Stop once this many resources are collected; every page when undefined. */
	limit?: number;
	/** Stop at the first resource this accepts. */
	until?: (resource: T) => boolean;
	maxPages?: number;
}

export interface ListResult<T> extends Collected<T> {
	/** The `included` resources of every page read, for `include=` lists. */
	included: IDataObject[];
}

function arrayOf<T>(value: unknown): T[] {
	return Array.isArray(value) ? (value as T[]) : [];
}

/** Reads a Kajabi list page by page, following `links.next` on the credential's own host. */
export async function kajabiApiRequestAllItems<T = IDataObject>(
	this: KajabiFunctions,
	request: ListRequest<T>,
): Promise<ListResult<T>> {
	const included: IDataObject[] = [];

	const collected = await collectPages<T>(
		async (next) => {
			const body = await kajabiApiRequest.call(this, {
				method: 'GET',
				path: next ?? request.path,
				qs: next === undefined ? request.qs : undefined,
				itemIndex: request.itemIndex,
			});
			const document = (body ?? {}) as { data?: unknown; included?: unknown };
			included.push(...arrayOf<IDataObject>(document.included));
			return { items: arrayOf<T>(document.data), next: nextPagePath(nextLinkOf(body)) };
		},
		{ limit: request.limit, until: request.until, maxPages: request.maxPages },
	);

	this.logger.debug('Kajabi list read', {
		path: request.path,
		pages: collected.pages,
		count: collected.items.length,
		stoppedBy: collected.stoppedBy,
	});
	return { ...collected, included };
}
