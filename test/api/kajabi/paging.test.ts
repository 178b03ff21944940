import { FakeKajabi } from './support/fakeKajabi';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';

/** "Return All" and "Limit" over Kajabi's `links.next` paging. */

afterAll(removeUserFolder);

let kajabi: FakeKajabi;

beforeEach(() => {
	kajabi = new FakeKajabi();
});

afterEach(() => kajabi.stop());

/** 7 offers in pages of `page[size]`, each page linking to the next on `host`. */
function offers(host = 'https://api.kajabi.com', total = 7) {
	kajabi.on('GET', /^(\/api)?\/v1\/offers$/, (request) => {
		const size = Number(request.query['page[size]'] ?? '3');
		const number = Number(request.query['page[number]'] ?? '1');
		const ids = Array.from({ length: total }, (_, index) => String(index + 1)).slice(
			(number - 1) * size,
			number * size,
		);
		const more = number * size < total;
		return [
			200,
			{
				data: ids.map((id) => ({ id, type: 'offers', attributes: { title: `Offer ${id}` } })),
				links: {
					self: `${host}/v1/offers?page[number]=${number}&page[size]=${size}`,
					next: more
						? `${host}/v1/offers?filter[site_id]=11&page[number]=${number + 1}&page[size]=${size}`
						: null,
				},
				meta: { total_pages: Math.ceil(total / size), total_count: total, current_page: number },
			},
		];
	});
}

const getMany = (extra: Record<string, unknown>) => ({
	resource: 'offer',
	operation: 'getMany',
	siteId: { __rl: true, mode: 'id', value: '11' },
	...extra,
});

test('Return All follows links.next to the last page, asking for the largest page', async () => {
	offers();
	const run = await runKajabiNode({
		parameters: getMany({ returnAll: true }),
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
	expect(kajabi.requests[0].query).toEqual({ 'filter[site_id]': '11', 'page[size]': '100' });
	expect(kajabi.requests).toHaveLength(1);
});

test('Return All reads every page when Kajabi caps the page size', async () => {
	kajabi.on('GET', '/v1/offers', (request) => {
		const number = Number(request.query['page[number]'] ?? '1');
		return [
			200,
			{
				data: [{ id: String(number), type: 'offers', attributes: {} }],
				links: {
					next: number < 4 ? `https://api.kajabi.com/v1/offers?page[number]=${number + 1}` : null,
				},
			},
		];
	});
	const run = await runKajabiNode({
		parameters: getMany({ returnAll: true }),
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['1', '2', '3', '4']);
	expect(kajabi.requests.map((request) => request.query['page[number]'])).toEqual([
		undefined,
		'2',
		'3',
		'4',
	]);
});

test('a Limit asks for that many and reads further pages only when needed', async () => {
	offers();
	const run = await runKajabiNode({
		parameters: getMany({ limit: 2 }),
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['1', '2']);
	expect(kajabi.requests).toHaveLength(1);
	expect(kajabi.requests[0].query['page[size]']).toBe('2');
});

test('a Limit larger than one page collects across pages and stops there', async () => {
	kajabi.on('GET', '/v1/offers', (request) => {
		const number = Number(request.query['page[number]'] ?? '1');
		const ids = [String(number * 2 - 1), String(number * 2)];
		return [
			200,
			{
				data: ids.map((id) => ({ id, type: 'offers', attributes: {} })),
				links: { next: `https://api.kajabi.com/v1/offers?page[number]=${number + 1}&page[size]=2` },
			},
		];
	});
	const run = await runKajabiNode({
		parameters: getMany({ limit: 5 }),
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
	expect(kajabi.requests).toHaveLength(3);
});

test('next links on another host are followed on the credential base URL only', async () => {
	offers('https://elsewhere.example', 4);
	const run = await runKajabiNode({
		parameters: getMany({ returnAll: true }),
		credentials: kajabi.credential(),
	});

	expect(run.json).toHaveLength(4);
	expect(kajabi.requests.every((request) => request.token === 'token-1')).toBe(true);
});

test("next links in Kajabi's app.kajabi.com/api/v1 form land on /v1", async () => {
	kajabi.on('GET', '/v1/custom_fields', (request) => {
		const second = request.query['page[number]'] === '2';
		return [
			200,
			{
				data: [
					{ id: second ? '2' : '1', type: 'custom_fields', attributes: { handle: 'custom_1' } },
				],
				links: {
					next: second
						? null
						: 'https://app.kajabi.com/api/v1/custom_fields?page[number]=2&page[size]=100',
				},
			},
		];
	});
	const run = await runKajabiNode({
		parameters: { resource: 'customField', operation: 'getMany', returnAll: true },
		credentials: kajabi.credential(),
	});

	expect(run.json.map((item) => item.id)).toEqual(['1', '2']);
	expect(kajabi.requests.map((request) => request.path)).toEqual([
		'/v1/custom_fields',
		'/v1/custom_fields',
	]);
});

test('included resources of every page are resolved', async () => {
	kajabi.on('GET', '/v1/contact_tags', (request) => {
		const second = request.query['page[number]'] === '2';
		return [
			200,
			{
				data: [
					{
						id: second ? 't2' : 't1',
						type: 'contact_tags',
						attributes: { name: second ? 'B' : 'A' },
						relationships: { site: { data: { id: second ? 's2' : 's1', type: 'sites' } } },
					},
				],
				included: [
					{
						id: second ? 's2' : 's1',
						type: 'sites',
						attributes: { title: second ? 'Two' : 'One' },
					},
				],
				links: { next: second ? null : '/v1/contact_tags?page[number]=2' },
			},
		];
	});
	const run = await runKajabiNode({
		parameters: { resource: 'contactTag', operation: 'getMany', returnAll: true },
		credentials: kajabi.credential(),
	});

	expect(run.json).toEqual([
		{ id: 't1', type: 'contact_tags', name: 'A', site: { id: 's1', type: 'sites', title: 'One' } },
		{ id: 't2', type: 'contact_tags', name: 'B', site: { id: 's2', type: 'sites', title: 'Two' } },
	]);
});
