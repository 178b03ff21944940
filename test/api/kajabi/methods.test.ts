import { listSearch, loadOptions } from '../../../nodes/Kajabi/methods';
import { FakeKajabi } from './support/fakeKajabi';
import { loadOptionsContext, removeUserFolder } from './support/runKajabiNode';
import customFieldsList from './fixtures/openapi-custom-fields-list-response.json';

/** The dropdowns and "from list" pickers, loaded from the account through the credential. */

afterAll(removeUserFolder);

let kajabi: FakeKajabi;

beforeEach(() => {
	kajabi = new FakeKajabi();
});

afterEach(() => kajabi.stop());

test('the site picker searches titles and pages with the next link as token', async () => {
	kajabi.on('GET', '/v1/sites', (request) => [
		200,
		{
			data: [
				{ id: '11', type: 'sites', attributes: { title: 'Academy' } },
				{ id: '12', type: 'sites', attributes: { title: '' } },
			],
			links: {
				next:
					request.query['page[number]'] === '2'
						? null
						: 'https://api.kajabi.com/v1/sites?filter[title_cont]=aca&page[number]=2&page[size]=50',
			},
		},
	]);
	const context = loadOptionsContext(kajabi.credential());

	const first = await listSearch.searchSites.call(context, 'aca');
	expect(first).toEqual({
		results: [
			{ name: 'Academy', value: '11' },
			{ name: '#12', value: '12' },
		],
		paginationToken: '/v1/sites?filter[title_cont]=aca&page[number]=2&page[size]=50',
	});
	expect(kajabi.requests[0].query).toEqual({ 'filter[title_cont]': 'aca', 'page[size]': '50' });

	const second = await listSearch.searchSites.call(context, 'aca', first.paginationToken as string);
	expect(second.paginationToken).toBeUndefined();
	expect(kajabi.requests[1].query).toEqual({
		'filter[title_cont]': 'aca',
		'page[number]': '2',
		'page[size]': '50',
	});
});

test.each([
	['searchForms', '/v1/forms', 'filter[title_cont]', 'title'],
	['searchOffers', '/v1/offers', 'filter[title_cont]', 'title'],
	['searchContactTags', '/v1/contact_tags', 'filter[name_cont]', 'name'],
	['searchCustomFields', '/v1/custom_fields', 'filter[title_cont]', 'title'],
] as const)('%s searches %s by %s', async (method, path, key, label) => {
	kajabi.on('GET', path, [
		200,
		{ data: [{ id: '7', type: 'x', attributes: { [label]: 'Found' } }], links: { next: null } },
	]);
	const result = await listSearch[method].call(loadOptionsContext(kajabi.credential()), 'fou');

	expect(result.results).toEqual([{ name: 'Found', value: '7' }]);
	expect(kajabi.requests[0].query).toEqual({ [key]: 'fou', 'page[size]': '50' });
});

test('the tag multi-select loads every page, sorted by name', async () => {
	kajabi.on('GET', '/v1/contact_tags', (request) => {
		const second = request.query['page[number]'] === '2';
		return [
			200,
			{
				data: second
					? [{ id: '3', type: 'contact_tags', attributes: { name: 'Alumni' } }]
					: [
							{ id: '1', type: 'contact_tags', attributes: { name: 'VIP' } },
							{ id: '2', type: 'contact_tags', attributes: { name: 'Lead' } },
						],
				links: { next: second ? null : '/v1/contact_tags?page[number]=2&page[size]=50' },
			},
		];
	});
	const options = await loadOptions.getContactTags.call(loadOptionsContext(kajabi.credential()));

	expect(options).toEqual([
		{ name: 'Alumni', value: '3' },
		{ name: 'Lead', value: '2' },
		{ name: 'VIP', value: '1' },
	]);
});

test('the offer multi-select lists offers by title', async () => {
	kajabi.on('GET', '/v1/offers', [
		200,
		{ data: [{ id: '5', type: 'offers', attributes: { title: 'Gold' } }], links: { next: null } },
	]);
	const options = await loadOptions.getOffers.call(loadOptionsContext(kajabi.credential()));
	expect(options).toEqual([{ name: 'Gold', value: '5' }]);
});

test('custom fields are offered by title and valued by handle', async () => {
	kajabi.on('GET', '/v1/custom_fields', [200, customFieldsList]);
	const options = await loadOptions.getCustomFieldHandles.call(
		loadOptionsContext(kajabi.credential()),
	);
	expect(options).toEqual([{ name: 'Favorite Song (custom_1)', value: 'custom_1' }]);
});

test('one token serves every dropdown of an editing session', async () => {
	kajabi.on('GET', '/v1/offers', [200, { data: [], links: { next: null } }]);
	const credentials = kajabi.credential();
	await loadOptions.getOffers.call(loadOptionsContext(credentials));
	await listSearch.searchOffers.call(loadOptionsContext(credentials));
	expect(kajabi.tokenRequests).toHaveLength(1);
});
