import type { IDataObject } from 'n8n-workflow';

import { kajabiContract } from '../contract/openApiContract';
import { FakeKajabi } from './support/fakeKajabi';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';
import contactShow from './fixtures/openapi-contacts-show-include-offers-tags-customer.json';

/**
 * Kajabi has no exact email filter; its search is fuzzy. Find by Email searches within a site,
 * reads page after page, and returns only the contact whose email is exactly the one asked
 * for, whatever its case.
 */

afterAll(removeUserFolder);

let kajabi: FakeKajabi;

beforeEach(() => {
	kajabi = new FakeKajabi();
});

afterEach(() => kajabi.stop());

const contact = (id: string, email: string) => ({
	id,
	type: 'contacts',
	attributes: { name: `Contact ${id}`, email },
	relationships: { site: { data: { id: '11', type: 'sites' } } },
});

/** Search results split into pages, each linking to the next one the way Kajabi does. */
function searchPages(pages: Array<Array<ReturnType<typeof contact>>>) {
	kajabi.on('GET', '/v1/contacts', (request) => {
		const number = Number(request.query['page[number]'] ?? '1');
		const next =
			number < pages.length
				? `https://api.kajabi.com/v1/contacts?filter[site_id]=11&page[number]=${number + 1}&page[size]=100`
				: null;
		return [200, { data: pages[number - 1], links: { self: 'x', next } }];
	});
}

const find = (email: string, extra: IDataObject = {}) => ({
	resource: 'contact',
	operation: 'findByEmail',
	siteId: { __rl: true, mode: 'list', value: '11' },
	email,
	...extra,
});

test('searches the site for the email and returns the exact match only', async () => {
	searchPages([
		[
			contact('1', 'john.doe@example.com.au'),
			contact('2', 'John.Doe@Example.com'),
			contact('3', 'john.doe@example.co'),
		],
	]);
	const run = await runKajabiNode({
		parameters: find('  JOHN.DOE@example.com '),
		credentials: kajabi.credential(),
	});

	expect(run.json).toEqual([
		{
			id: '2',
			type: 'contacts',
			name: 'Contact 2',
			email: 'John.Doe@Example.com',
			site: { id: '11', type: 'sites' },
		},
	]);
	expect(kajabi.requests[0].query).toEqual({
		'filter[site_id]': '11',
		'filter[search]': 'JOHN.DOE@example.com',
		'page[size]': '100',
	});
	const request = kajabi.requests[0];
	expect(
		kajabiContract().validateRequest({
			method: 'GET',
			path: request.path,
			query: new URLSearchParams(request.rawQuery),
		}).errors,
	).toEqual([]);
});

test('reads the next pages until the match, and no further', async () => {
	searchPages([
		[contact('1', 'jo@example.com.au'), contact('2', 'ajo@example.com')],
		[contact('3', 'jo@example.co.uk')],
		[contact('4', 'JO@EXAMPLE.COM')],
		[contact('5', 'jo@example.com')],
	]);
	const run = await runKajabiNode({
		parameters: find('jo@example.com'),
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['4']);
	expect(kajabi.requests.map((request) => request.query['page[number]'])).toEqual([
		undefined,
		'2',
		'3',
	]);
});

test('returns nothing when only near misses exist, after reading every page', async () => {
	searchPages([
		[contact('1', 'john.doe@example.com.au')],
		[contact('2', 'john.doe+news@example.com'), contact('3', 'johndoe@example.com')],
	]);
	const run = await runKajabiNode({
		parameters: find('john.doe@example.com'),
		credentials: kajabi.credential(),
	});

	expect(run.error).toBeUndefined();
	expect(run.items).toEqual([]);
	expect(kajabi.requests).toHaveLength(2);
});

test('can fail the item instead when no contact matches', async () => {
	searchPages([[]]);
	const run = await runKajabiNode({
		parameters: find('nobody@example.com', { ifNotFound: 'error' }),
		credentials: kajabi.credential(),
		continueOnFail: true,
	});

	expect(run.items).toEqual([
		{ json: { error: 'No contact has this email in the site' }, pairedItem: { item: 0 } },
	]);
});

test('fetches the related resources of the match when asked', async () => {
	searchPages([[contact('123', 'john@example.com')]]);
	kajabi.on('GET', '/v1/contacts/123', [200, contactShow]);
	const run = await runKajabiNode({
		parameters: find('john@example.com', { options: { include: ['tags', 'offers'] } }),
		credentials: kajabi.credential(),
	});

	expect(kajabi.requests[1].query).toEqual({ include: 'tags,offers' });
	expect(run.json[0]).toMatchObject({ id: '123', tags: [{ id: '789', name: 'Tag Name' }] });
});

test('refuses something that is not an email before asking Kajabi', async () => {
	const run = await runKajabiNode({
		parameters: find('john doe'),
		credentials: kajabi.credential(),
		continueOnFail: true,
	});

	expect(run.json).toEqual([{ error: 'The email to find is not an email address' }]);
	expect(kajabi.requests).toHaveLength(0);
});

test('each input item is looked up on its own and keeps its pairing', async () => {
	searchPages([[contact('1', 'a@example.com'), contact('2', 'b@example.com')]]);
	const run = await runKajabiNode({
		parameters: find('={{ $json.email }}'),
		input: [{ email: 'b@example.com' }, { email: 'c@example.com' }, { email: 'a@example.com' }],
		credentials: kajabi.credential(),
	});

	expect(run.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
		['2', { item: 0 }],
		['1', { item: 2 }],
	]);
});
