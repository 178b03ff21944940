/**
 * Paging through Kajabi's lists: every list answer carries `links.next`, a full URL of the next
 * page, or null (or nothing) on the last one. Only its path and query are kept and sent to the
 * credential's own base URL, so a link can never send the token to another host.
 */

/** The path and query of a `links.next` value, or undefined on the last page. */
export function nextPagePath(next: unknown): string | undefined {
	if (typeof next !== 'string' || next.trim() === '') return undefined;

	let url: URL;
	try {
		url = new URL(next.trim(), 'http://relative.invalid');
	} catch {
		return undefined;
	}

	// Some of Kajabi's own examples point at `https://app.kajabi.com/api/v1/...`: the API
	// paths all start at `/v1/`, whatever host or prefix the link was written with.
	const start = url.pathname.indexOf('/v1/');
	const path = start >= 0 ? url.pathname.slice(start) : url.pathname;
	return `${path}${url.search}`;
}

/** Reads `links.next` from a list answer. */
export function nextLinkOf(body: unknown): unknown {
	if (typeof body !== 'object' || body === null) return undefined;
	const links = (body as { links?: unknown }).links;
	if (typeof links !== 'object' || links === null) return undefined;
	return (links as { next?: unknown }).next;
}

export interface Page<T> {
	items: T[];
	/** The path and query of the next page, undefined on the last one. */
	next: string | undefined;
}

export interface CollectOptions<T> {
	/** Stop once this many items are collected; all pages when undefined. */
	limit?: number;
	/** A guard against a server that never stops handing out pages. */
	maxPages?: number;
	/** Stop early once an item satisfies this (the item is kept). */
	until?: (item: T) => boolean;
}

export interface Collected<T> {
	items: T[];
	pages: number;
	/** Why the loop ended. */
	stoppedBy: 'last_page' | 'limit' | 'found' | 'max_pages' | 'repeated_link';
}

export const DEFAULT_MAX_PAGES = 1_000;

/**
 * Fetches the first page, then follows each page's `next` until there is none, the limit is
 * reached, `until` matches, or the same link comes back twice.
 */
export async function collectPages<T>(
	fetchPage: (next: string | undefined) => Promise<Page<T>>,
	options: CollectOptions<T> = {},
): Promise<Collected<T>> {
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	const items: T[] = [];
	const seen = new Set<string>();
	let next: string | undefined;
	let pages = 0;

	for (;;) {
		const page = await fetchPage(next);
		pages += 1;

		for (const item of page.items) {
			items.push(item);
			if (options.until?.(item)) return { items, pages, stoppedBy: 'found' };
			if (options.limit !== undefined && items.length >= options.limit) {
				return { items, pages, stoppedBy: 'limit' };
			}
		}

		if (page.next === undefined) return { items, pages, stoppedBy: 'last_page' };
		if (seen.has(page.next)) return { items, pages, stoppedBy: 'repeated_link' };
		if (pages >= maxPages) return { items, pages, stoppedBy: 'max_pages' };
		seen.add(page.next);
		next = page.next;
	}
}
