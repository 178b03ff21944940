import { ExecuteContext } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { forgetStoredNames, nameStores } from '../../../nodes/Kajabi/enrich/enrichmentSession';
import { STORE_KEY } from '../../../nodes/Kajabi/enrich/nameCache';
import * as pauseModule from '../../../nodes/shared/transport/pause';
import { kajabiContract } from '../contract/openApiContract';
import { FakeKajabi } from './support/fakeKajabi';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';
import contactShow from './fixtures/openapi-contacts-show-include-offers-tags-customer.json';

/**
 * Lead → Enrich against a scripted Kajabi (nock), for what the stand-in never does: tags listed
 * without their names, long result lists, a broken tag list, and time passing between
 * executions. Every request is counted and held to Kajabi's spec.
 */

afterAll(removeUserFolder);

const SITE = '11';
const HOUR_MS = 60 * 60 * 1000;

let kajabi: FakeKajabi;

beforeEach(() => {
	kajabi = new FakeKajabi();
	// Names are kept in the process between production executions: each test starts without
	// any, and its runs count as production ones.
	forgetStoredNames();
	jest.spyOn(ExecuteContext.prototype, 'getMode').mockReturnValue('webhook');
	jest.spyOn(pauseModule, 'pause').mockImplementation(async () => {});
});

afterEach(() => {
	const contract = kajabiContract();
	const broken = kajabi.requests
		.map((request) => ({
			request: `${request.method} ${request.path}?${request.rawQuery}`,
			errors: contract.validateRequest({
				method: request.method,
				path: request.path,
				query: new URLSearchParams(request.rawQuery),
			}).errors,
		}))
		.filter((check) => check.errors.length > 0);
	expect(broken).toEqual([]);
	kajabi.stop();
	jest.restoreAllMocks();
});

interface ContactShape {
	tagIds?: string[];
	/** Tag ids whose names Kajabi puts in `included[]`. */
	includedTags?: Record<string, string>;
	customerId?: string;
}

/** Kajabi's documented `GET /v1/contacts/{id}?include=offers,tags,customer`, reshaped. */
function contactDocument(id: string, shape: ContactShape = {}) {
	const document = structuredClone(contactShow);
	document.data.id = id;
	document.data.attributes.email = `person${id}@example.com`;
	document.data.relationships.site.data.id = SITE;
	document.data.relationships.tags.data = (shape.tagIds ?? []).map((tagId) => ({
		id: tagId,
		type: 'contact_tags',
	}));
	const relationships = document.data.relationships as Record<string, unknown>;
	const offer = document.included[0];
	const customer = { ...document.included[2], id: shape.customerId ?? '' };
	if (shape.customerId)
		relationships.customer = { data: { id: shape.customerId, type: 'customers' } };
	else delete relationships.customer;
	document.included = [
		offer,
		...Object.entries(shape.includedTags ?? {}).map(([tagId, name]) => ({
			id: tagId,
			type: 'contact_tags',
			attributes: { name },
		})),
		...(shape.customerId ? [customer] : []),
	] as typeof document.included;
	return document;
}

function purchase(id: string, amountInCents: number, deactivatedAt: string | null = null) {
	return {
		id,
		type: 'purchases',
		attributes: {
			amount_in_cents: amountInCents,
			payment_type: amountInCents > 0 ? 'single' : 'free',
			deactivated_at: deactivatedAt,
			effective_start_at: `2025-0${id.slice(-1)}-01T00:00:00.000Z`,
			created_at: `2025-0${id.slice(-1)}-01T00:00:00.000Z`,
		},
	};
}

const TAGS = [
	['31', 'Webinar Attendee'],
	['32', 'VIP'],
	['33', 'Newsletter'],
];

/** Answers the tag list with the tags `names()` gives at the time of each request. */
function answerTagList(names = () => TAGS) {
	kajabi.on('GET', '/v1/contact_tags', () => [
		200,
		{
			data: names().map(([id, name]) => ({ id, type: 'contact_tags', attributes: { name } })),
			links: { next: null },
		},
	]);
}

function answerContacts(shapeOf: (id: string) => ContactShape) {
	kajabi.on('GET', /^\/v1\/contacts\/\d+$/, (request) => {
		const id = request.path.split('/').pop() as string;
		return [200, contactDocument(id, shapeOf(id))];
	});
}

const enrich = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'lead',
	operation: 'enrich',
	...extra,
});

const lead = (id: string) => ({ siteId: SITE, contact: { id, email: null } });

async function run(input: IDataObject[], parameters = enrich()) {
	const result = await runKajabiNode({ parameters, credentials: kajabi.credential(), input });
	expect(result.error).toBeUndefined();
	return result.json.map((json) => json.enrichment as IDataObject);
}

const requested = (path: string) =>
	kajabi.requests.filter((request) => request.path === path).length;

describe('tag names Kajabi lists without including them', () => {
	test('come from one contact_tags list for twenty leads', async () => {
		answerContacts(() => ({ tagIds: ['31', '32'] }));
		answerTagList();

		const ids = Array.from({ length: 20 }, (_, index) => String(101 + index));
		const enrichments = await run(
			ids.map(lead),
			enrich({ highValueTags: 'VIP, Webinar Attendee' }),
		);

		expect(enrichments.map((enrichment) => enrichment.apiCalls)).toEqual([2, ...Array(19).fill(1)]);
		expect(enrichments.every((enrichment) => enrichment.engagementScore === 2)).toBe(true);
		expect(enrichments[19].tags).toEqual([
			{ id: '31', name: 'Webinar Attendee' },
			{ id: '32', name: 'VIP' },
		]);
		expect(requested('/v1/contact_tags')).toBe(1);
		expect(kajabi.requests.find((request) => request.path === '/v1/contact_tags')?.query).toEqual({
			'filter[site_id]': SITE,
			'page[size]': '100',
		});
	});

	test('are not listed at all when included[] names every tag', async () => {
		answerContacts(() => ({ tagIds: ['31'], includedTags: { '31': 'Webinar Attendee' } }));

		const enrichments = await run([lead('101'), lead('102')]);

		expect(enrichments.map((enrichment) => enrichment.tags)).toEqual([
			[{ id: '31', name: 'Webinar Attendee' }],
			[{ id: '31', name: 'Webinar Attendee' }],
		]);
		expect(requested('/v1/contact_tags')).toBe(0);
	});
});

describe('names kept between executions', () => {
	test('serve later executions until older than the cache time, then are read again', async () => {
		answerContacts(() => ({ tagIds: ['31'] }));
		answerTagList();
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);

		const first = await run([lead('101')]);
		now.mockReturnValue(start + 30 * 60 * 1000);
		const second = await run([lead('102')]);
		now.mockReturnValue(start + HOUR_MS + 1);
		const third = await run([lead('103')]);

		expect([first[0].apiCalls, second[0].apiCalls, third[0].apiCalls]).toEqual([2, 1, 2]);
		expect(second[0].tags).toEqual([{ id: '31', name: 'Webinar Attendee' }]);
		expect(requested('/v1/contact_tags')).toBe(2);
		const stores = [...nameStores().values()];
		expect(stores).toHaveLength(1);
		expect(stores[0][STORE_KEY]).toEqual({
			[`kajabi-credential|${SITE}|contact_tags`]: {
				savedAt: start + HOUR_MS + 1,
				names: { '31': 'Webinar Attendee', '32': 'VIP', '33': 'Newsletter' },
			},
		});
	});

	test('a tag made since the names were stored is read again, once per execution', async () => {
		let tags = TAGS;
		answerContacts((id) => ({ tagIds: id === '101' ? ['31'] : ['31', '34'] }));
		answerTagList(() => tags);
		await run([lead('101')]);

		tags = [...TAGS, ['34', 'Masterclass']];
		const enrichments = await run([lead('101'), lead('102'), lead('103')]);

		expect(enrichments.map((enrichment) => enrichment.apiCalls)).toEqual([1, 2, 1]);
		expect(requested('/v1/contact_tags')).toBe(2);
		expect(enrichments[2].tags).toEqual([
			{ id: '31', name: 'Webinar Attendee' },
			{ id: '34', name: 'Masterclass' },
		]);
	});

	test('a cache time of 0 keeps names for one execution only', async () => {
		answerContacts(() => ({ tagIds: ['31'] }));
		answerTagList();
		const parameters = enrich({ options: { nameCacheMinutes: 0 } });

		await run([lead('101'), lead('102')], parameters);
		await run([lead('103')], parameters);

		expect(requested('/v1/contact_tags')).toBe(2);
		expect([...nameStores().values()].every((store) => !(STORE_KEY in store))).toBe(true);
	});
});

describe('calls counted page by page', () => {
	test('a search past lookalikes and a long purchase history count every page', async () => {
		const found = { id: '120', type: 'contacts', attributes: { email: 'Jo@Example.com' } };
		const lookalike = { id: '119', type: 'contacts', attributes: { email: 'ajo@example.com' } };
		kajabi.on('GET', '/v1/contacts', (request) =>
			request.query['page[number]'] === '2'
				? [200, { data: [found], links: { next: null } }]
				: [
						200,
						{
							data: [lookalike],
							links: { next: 'https://api.kajabi.com/v1/contacts?page[number]=2&page[size]=100' },
						},
					],
		);
		answerContacts(() => ({ customerId: '77' }));
		kajabi.on('GET', '/v1/purchases', (request) =>
			request.query['page[number]'] === '2'
				? [
						200,
						{ data: [purchase('902', 4900, '2025-03-01T00:00:00.000Z')], links: { next: null } },
					]
				: [
						200,
						{
							data: [purchase('901', 0)],
							links: {
								next: 'https://api.kajabi.com/v1/purchases?filter[customer_id]=77&page[number]=2&page[size]=100',
							},
						},
					],
		);

		const [enrichment] = await run([
			{ siteId: SITE, contact: { id: null, email: 'jo@example.com' } },
		]);

		expect(enrichment).toMatchObject({
			status: 'enriched',
			contact: { id: '120' },
			purchases: {
				total: 2,
				active: 1,
				deactivated: 1,
				paid: 1,
				lastPurchasedAt: '2025-02-01T00:00:00.000Z',
			},
			// The paid purchase was refunded; the free one does not make a customer.
			customerStatus: 'former_customer',
			apiCalls: 5,
		});
		expect(kajabi.requests.map((request) => request.path)).toEqual([
			'/v1/contacts',
			'/v1/contacts',
			'/v1/contacts/120',
			'/v1/purchases',
			'/v1/purchases',
		]);
	});
});

describe('a failing name list', () => {
	test('costs the names and a warning, not the enrichment of the leads after it', async () => {
		answerContacts(() => ({ tagIds: ['31'] }));
		kajabi.on('GET', '/v1/contact_tags', [500, undefined]);

		const enrichments = await run([lead('101'), lead('102'), lead('103')]);

		expect(enrichments.map((enrichment) => enrichment.status)).toEqual([
			'enriched',
			'enriched',
			'enriched',
		]);
		expect(enrichments[2]).toMatchObject({
			tags: [{ id: '31', name: null }],
			warnings: ['Tag names could not be read: Kajabi error 500'],
			apiCalls: 1,
		});
		expect(enrichments[0].apiCalls).toBe(2);
		// Sent five times for the first lead, then never again in this execution.
		expect(requested('/v1/contact_tags')).toBe(5);
		expect(requested('/v1/contacts/103')).toBe(1);
	});
});
