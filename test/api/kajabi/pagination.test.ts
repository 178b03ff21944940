import {
	collectPages,
	nextLinkOf,
	nextPagePath,
	type Page,
} from '../../../nodes/shared/transport/pagination';
import contactsPage from './fixtures/openapi-contacts-list-paginated-response.json';

describe('the next page link', () => {
	test("keeps only the path and query of Kajabi's links.next", () => {
		expect(nextPagePath(nextLinkOf(contactsPage))).toBe(
			'/v1/contacts?filter[site_id]=123&page[number]=3&page[size]=10',
		);
	});

	test('drops a foreign host, so the token only ever goes to the credential base URL', () => {
		expect(nextPagePath('https://attacker.example/v1/contacts?page[number]=2')).toBe(
			'/v1/contacts?page[number]=2',
		);
	});

	test("maps Kajabi's app.kajabi.com/api/v1 links onto the API paths", () => {
		expect(
			nextPagePath('https://app.kajabi.com/api/v1/custom_fields?page[number]=3&page[size]=10'),
		).toBe('/v1/custom_fields?page[number]=3&page[size]=10');
	});

	test('accepts a relative link', () => {
		expect(nextPagePath('/v1/offers?page%5Bnumber%5D=2')).toBe('/v1/offers?page%5Bnumber%5D=2');
	});

	test.each([null, undefined, '', '   ', 3, {}])('%p means the last page', (next) => {
		expect(nextPagePath(next)).toBeUndefined();
	});

	test('a body without links has no next page', () => {
		expect(nextLinkOf({ data: [] })).toBeUndefined();
		expect(nextLinkOf({ links: null })).toBeUndefined();
		expect(nextLinkOf(undefined)).toBeUndefined();
	});
});

function pages(...contents: Array<[number[], string | undefined]>) {
	const asked: Array<string | undefined> = [];
	const fetchPage = async (next: string | undefined): Promise<Page<number>> => {
		asked.push(next);
		const [items, link] = contents[asked.length - 1];
		return { items, next: link };
	};
	return { asked, fetchPage };
}

describe('collecting pages', () => {
	test('follows next links until the last page', async () => {
		const source = pages([[1, 2], '/p2'], [[3, 4], '/p3'], [[5], undefined]);
		const result = await collectPages(source.fetchPage);
		expect(result).toEqual({ items: [1, 2, 3, 4, 5], pages: 3, stoppedBy: 'last_page' });
		expect(source.asked).toEqual([undefined, '/p2', '/p3']);
	});

	test('stops reading pages once the limit is reached', async () => {
		const source = pages([[1, 2], '/p2'], [[3, 4], '/p3'], [[5], undefined]);
		const result = await collectPages(source.fetchPage, { limit: 3 });
		expect(result).toEqual({ items: [1, 2, 3], pages: 2, stoppedBy: 'limit' });
	});

	test('stops at the first match of until, keeping it last', async () => {
		const source = pages([[1, 2], '/p2'], [[3, 4], '/p3'], [[5], undefined]);
		const result = await collectPages(source.fetchPage, { until: (n) => n === 3 });
		expect(result).toEqual({ items: [1, 2, 3], pages: 2, stoppedBy: 'found' });
	});

	test('stops when a page links back to one already read', async () => {
		const source = pages([[1], '/p2'], [[2], '/p2']);
		const result = await collectPages(source.fetchPage);
		expect(result.stoppedBy).toBe('repeated_link');
		expect(result.items).toEqual([1, 2]);
	});

	test('stops at the page cap', async () => {
		let page = 0;
		const result = await collectPages(async () => ({ items: [page], next: `/p${(page += 1)}` }), {
			maxPages: 4,
		});
		expect(result).toMatchObject({ pages: 4, stoppedBy: 'max_pages' });
	});
});
