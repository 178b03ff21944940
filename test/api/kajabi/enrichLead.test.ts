import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEEDED_KEYS } from '../../../scripts/kajabi-stand-in';
import * as pauseModule from '../../../nodes/shared/transport/pause';
import { KajabiCredentialStore } from './support/kajabiCredentials';
import { requestsBreakingSpec } from './support/recordingProxy';
import { runKajabiNode } from './support/runKajabiNode';
import { useStandInBehindProxy } from './support/standInBehindProxy';

/**
 * Lead → Enrich against the Kajabi stand-in, through n8n-core's real OAuth2 client-credentials
 * flow. A recording proxy sits in between: every request is counted per lead and held to
 * Kajabi's OpenAPI spec. Seeded contacts: 5001 (a paying customer), 5002 (a refunded
 * purchase), 5003 (a live subscription), 5004 (a free guide only), 5006 (a cancelled
 * subscription), 5007 (no customer record), 5025 (site 102).
 */

const SITE_MAIN = '101';
const SITE_YOGA = '102';

const kajabi = useStandInBehindProxy();
let waits: number[];

beforeEach(async () => {
	waits = [];
	// Retries are recorded, not slept through.
	jest.spyOn(pauseModule, 'pause').mockImplementation(async (milliseconds) => {
		waits.push(milliseconds);
	});
});

afterEach(() => {
	jest.restoreAllMocks();
	expect(requestsBreakingSpec(kajabi.proxy)).toEqual([]);
});

const credentialFor = (key: { clientId: string; clientSecret: string }) =>
	new KajabiCredentialStore({ ...key, baseUrl: kajabi.proxy.url });

const ownerKey = () => credentialFor(SEEDED_KEYS.owner);

/** A lead as the Kajabi Trigger emits it for a form submission (docs/lead-item.md). */
function triggerLead(
	contact: { id?: string | null; email?: string | null },
	extra: IDataObject = {},
) {
	return {
		event: 'form_submission',
		eventType: 'form_submission',
		source: 'api_hook',
		deliveryId: 'fa23747a9b0a33a505b91bde60b49b4a',
		kajabiId: '2501',
		receivedAt: '2026-03-14T15:09:26.535Z',
		isTest: false,
		siteId: SITE_MAIN,
		form: { id: '2001', title: 'Spring Webinar Signup' },
		contact: {
			id: contact.id ?? null,
			customerId: null,
			email: contact.email ?? null,
			name: 'Someone',
			firstName: 'Someone',
			lastName: null,
			phone: null,
			phoneRaw: null,
			businessPhone: null,
			address: null,
			subscribed: null,
			externalUserId: null,
		},
		customFields: {},
		tagIds: ['3002'],
		tags: [{ id: '3002', name: null }],
		commerce: null,
		...extra,
	};
}

const enrich = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'lead',
	operation: 'enrich',
	...extra,
});

async function run(
	input: IDataObject[],
	parameters: INodeParameters = enrich(),
	credentials = ownerKey(),
	continueOnFail = false,
) {
	return await runKajabiNode({ parameters, credentials, input, continueOnFail });
}

/** The API requests Kajabi saw (no token requests), as `GET /v1/...?query`. */
const apiRequests = () =>
	kajabi.proxy.exchanges
		.filter((exchange) => !exchange.path.startsWith('/v1/oauth/'))
		.map((exchange) => `${exchange.method} ${decodeURIComponent(exchange.path)}`);

const enrichmentOf = (json: IDataObject) => json.enrichment as IDataObject;

describe('what a lead gains', () => {
	test('a paying customer known by contact ID: the contact, named tags, offers, customer and purchases', async () => {
		const lead = triggerLead({ id: '5001', email: 'ava.martinez@example.com' });
		const result = await run([lead], enrich({ highValueTags: 'VIP, Webinar Attendee, 3001' }));

		expect(result.error).toBeUndefined();
		const { enrichment, ...rest } = result.json[0];
		expect(rest).toEqual(lead);
		expect(enrichment).toEqual({
			status: 'enriched',
			reason: null,
			contact: {
				id: '5001',
				name: 'Ava Martinez',
				email: 'ava.martinez@example.com',
				subscribed: true,
				externalUserId: null,
				createdAt: '2025-01-06T09:00:00.000Z',
				updatedAt: '2025-01-06T12:00:00.000Z',
			},
			tags: [
				{ id: '3001', name: 'Lead' },
				{ id: '3003', name: 'Customer' },
				{ id: '3004', name: 'VIP' },
			],
			offers: expect.arrayContaining([
				{ id: '4001', title: 'Free Starter Guide' },
				{ id: '4002', title: 'Coaching Program' },
			]),
			customer: {
				id: '8001',
				netRevenue: 497,
				signInCount: 14,
				lastRequestAt: '2025-02-12T21:00:00.000Z',
				createdAt: '2025-01-09T07:00:00.000Z',
			},
			purchases: {
				total: 2,
				active: 2,
				deactivated: 0,
				paid: 1,
				lastPurchasedAt: '2025-01-10T04:00:00.000Z',
			},
			customerStatus: 'customer',
			engagementScore: 2,
			apiCalls: 2,
			warnings: [],
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('the customer status follows the paid purchases, one execution for five leads', async () => {
		const ids = ['5002', '5006', '5003', '5004', '5007'];
		const result = await run(ids.map((id) => triggerLead({ id })));

		expect(
			result.json.map((json) => {
				const enrichment = enrichmentOf(json);
				return [
					(enrichment.contact as IDataObject).id,
					enrichment.customerStatus,
					enrichment.purchases,
					(enrichment.customer as IDataObject | null)?.id ?? null,
					enrichment.apiCalls,
				];
			}),
		).toEqual([
			// A refunded purchase.
			[
				'5002',
				'former_customer',
				expect.objectContaining({ total: 1, active: 0, deactivated: 1, paid: 1 }),
				'8002',
				2,
			],
			// A cancelled subscription.
			[
				'5006',
				'former_customer',
				expect.objectContaining({ total: 1, active: 0, deactivated: 1, paid: 1 }),
				'8006',
				2,
			],
			// A live subscription.
			[
				'5003',
				'customer',
				expect.objectContaining({ total: 1, active: 1, deactivated: 0, paid: 1 }),
				'8003',
				2,
			],
			// Only the free guide: a customer record, but no sale.
			['5004', 'lead', expect.objectContaining({ total: 1, active: 1, paid: 0 }), '8004', 2],
			// No customer record: no purchases call at all.
			['5007', 'lead', null, null, 1],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
	});

	test('a purchase made during the day turns a lead into a customer', async () => {
		// Contact 5020 is in no other test: this one gives it a customer record.
		const before = await run([triggerLead({ id: '5020' })]);
		kajabi.standIn.control.createPurchase({ contactId: '5020', offerId: '4004' });
		const after = await run([triggerLead({ id: '5020' })]);

		expect(enrichmentOf(before.json[0]).customerStatus).toBe('lead');
		expect(enrichmentOf(after.json[0])).toMatchObject({
			customerStatus: 'customer',
			purchases: { total: 1, active: 1, paid: 1 },
			apiCalls: 2,
		});
	});

	test('the engagement score counts the configured tags the contact has, by name or ID', async () => {
		const result = await run(
			[triggerLead({ id: '5001' }), triggerLead({ id: '5002' }), triggerLead({ id: '5007' })],
			enrich({ highValueTags: 'vip, Webinar Attendee, 3001, Partner Referral' }),
		);

		// 5001: Lead (3001) and VIP; 5002: Lead and Webinar Attendee; 5007: Webinar Attendee.
		expect(result.json.map((json) => enrichmentOf(json).engagementScore)).toEqual([2, 2, 1]);
	});

	test('custom fields gain the titles Kajabi gives them, per site, with one list per site', async () => {
		const main = triggerLead(
			{ id: '5001' },
			{ customFields: { custom_1: 'Martinez Design', custom_2: 'Podcast', custom_3: null } },
		);
		const yoga = triggerLead(
			{ id: '5025' },
			{ siteId: SITE_YOGA, customFields: { custom_1: 'Beginner' } },
		);
		const result = await run([main, yoga, main]);

		expect(result.json.map((json) => json.customFields)).toEqual([
			{
				custom_1: 'Martinez Design',
				custom_2: 'Podcast',
				custom_3: null,
				Company: 'Martinez Design',
				'Lead Source': 'Podcast',
				'Main Goal': null,
			},
			{ custom_1: 'Beginner', 'Experience Level': 'Beginner' },
			{
				custom_1: 'Martinez Design',
				custom_2: 'Podcast',
				custom_3: null,
				Company: 'Martinez Design',
				'Lead Source': 'Podcast',
				'Main Goal': null,
			},
		]);
		expect(apiRequests().filter((request) => request.includes('/v1/custom_fields'))).toEqual([
			`GET /v1/custom_fields?filter[site_id]=${SITE_MAIN}&page[size]=100`,
			`GET /v1/custom_fields?filter[site_id]=${SITE_YOGA}&page[size]=100`,
		]);
		// The list call counts for the lead that needed it first.
		expect(result.json.map((json) => enrichmentOf(json).apiCalls)).toEqual([3, 3, 2]);
	});

	test('custom field names can be turned off', async () => {
		const lead = triggerLead({ id: '5007' }, { customFields: { custom_1: 'Acme' } });
		const result = await run([lead], enrich({ options: { nameCustomFields: false } }));

		expect(result.json[0].customFields).toEqual({ custom_1: 'Acme' });
		expect(apiRequests()).toEqual(['GET /v1/contacts/5007?include=offers,tags,customer']);
	});
});

describe('calls per lead, counted at Kajabi', () => {
	test('contact ID known: the contact with its relations, then purchases only for a customer', async () => {
		const result = await run([triggerLead({ id: '5001' }), triggerLead({ id: '5007' })]);

		expect(apiRequests()).toEqual([
			'GET /v1/contacts/5001?include=offers,tags,customer',
			'GET /v1/purchases?filter[customer_id]=8001&page[size]=100',
			'GET /v1/contacts/5007?include=offers,tags,customer',
		]);
		expect(result.json.map((json) => enrichmentOf(json).apiCalls)).toEqual([2, 1]);
		expect(kajabi.standIn.control.counters().tokenRequests).toBe(1);
	});

	test("email only: one search in the lead's site first, matched exactly whatever the case", async () => {
		const result = await run([
			triggerLead({ email: 'sofia.rossi@example.com' }),
			triggerLead({ email: 'Chloe.Dubois@Example.org' }),
		]);

		expect(result.json.map((json) => (enrichmentOf(json).contact as IDataObject).id)).toEqual([
			'5003',
			'5007',
		]);
		expect(apiRequests()).toEqual([
			`GET /v1/contacts?filter[site_id]=${SITE_MAIN}&filter[search]=sofia.rossi@example.com&page[size]=100`,
			'GET /v1/contacts/5003?include=offers,tags,customer',
			'GET /v1/purchases?filter[customer_id]=8003&page[size]=100',
			`GET /v1/contacts?filter[site_id]=${SITE_MAIN}&filter[search]=Chloe.Dubois@Example.org&page[size]=100`,
			'GET /v1/contacts/5007?include=offers,tags,customer',
		]);
		expect(result.json.map((json) => enrichmentOf(json).apiCalls)).toEqual([3, 2]);
	});

	test('an email given by the user, searched in the picked site when the item names none', async () => {
		const result = await run(
			[{ email: 'AVA.martinez@example.COM' }],
			enrich({
				email: '={{ $json.email }}',
				siteId: { __rl: true, mode: 'list', value: SITE_YOGA },
			}),
		);

		expect(result.json[0]).toMatchObject({
			email: 'AVA.martinez@example.COM',
			enrichment: { status: 'enriched', contact: { id: '5028' }, customerStatus: 'lead' },
		});
		expect(apiRequests()[0]).toBe(
			`GET /v1/contacts?filter[site_id]=${SITE_YOGA}&filter[search]=AVA.martinez@example.COM&page[size]=100`,
		);
	});

	test('a contact ID given by the user needs no site', async () => {
		const result = await run(
			[{ kajabiContact: 5003 }],
			enrich({ contactId: '={{ $json.kajabiContact }}' }),
		);

		expect(enrichmentOf(result.json[0])).toMatchObject({ status: 'enriched', apiCalls: 2 });
	});

	test('twenty leads in one execution: calls grow with the leads, name lists do not', async () => {
		const ids = Array.from({ length: 20 }, (_, index) => String(5001 + (index % 10)));
		const leads = ids.map((id) =>
			triggerLead({ id }, { customFields: { custom_1: `Company of ${id}`, custom_2: 'Podcast' } }),
		);
		const result = await run(leads);

		const counters = kajabi.standIn.control.counters().requestsByOperation;
		expect(counters['GET /v1/custom_fields']).toBe(1);
		expect(counters['GET /v1/contact_tags']).toBeUndefined();
		expect(counters['GET /v1/contacts/{id}']).toBe(20);
		// 5001-5006 have a customer record: 12 of the 20 leads.
		expect(counters['GET /v1/purchases']).toBe(12);

		const calls = result.json.map((json) => enrichmentOf(json).apiCalls as number);
		expect(calls.reduce((sum, count) => sum + count, 0)).toBe(apiRequests().length);
		expect(calls.slice(0, 10)).toEqual([3, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
		expect(calls.slice(10)).toEqual([2, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
		expect(result.json.every((json) => (json.customFields as IDataObject).Company)).toBe(true);
		expect(kajabi.standIn.control.counters().tokenRequests).toBe(1);
	});
});

describe('no lead is dropped', () => {
	test('an email Kajabi does not know: not_found, one search, lead passed on', async () => {
		const lead = triggerLead({ email: 'nobody@example.com' });
		const result = await run([lead]);

		expect(result.json[0]).toEqual({
			...lead,
			enrichment: expect.objectContaining({
				status: 'not_found',
				reason: `No contact in site ${SITE_MAIN} has exactly this email`,
				contact: null,
				customerStatus: null,
				apiCalls: 1,
			}),
		});
	});

	test('a contact ID Kajabi does not know (a test delivery): not_found, one call', async () => {
		const result = await run([triggerLead({ id: '0', email: 'test.student@example.com' })]);

		expect(enrichmentOf(result.json[0])).toMatchObject({
			status: 'not_found',
			reason: 'Kajabi has no contact 0',
			apiCalls: 1,
		});
	});

	test('a lead with neither contact ID nor email is passed on as skipped, without a call', async () => {
		const result = await run([{ note: 'not a lead' }]);

		expect(result.json).toEqual([
			{
				note: 'not a lead',
				enrichment: expect.objectContaining({
					status: 'skipped',
					reason:
						'The lead has no contact ID and no email. Map a contact ID or an email, ' +
						'or feed the node lead items from the Kajabi Trigger.',
					apiCalls: 0,
				}),
			},
		]);
		expect(apiRequests()).toEqual([]);
	});

	test('Kajabi down past the retries: every lead skipped with the reason, the rest not retried', async () => {
		const credentials = ownerKey();
		await run([triggerLead({ id: '5007' })], enrich(), credentials);
		kajabi.proxy.exchanges.length = 0;
		await kajabi.standIn.control.setDown('unavailable');

		const leads = [
			triggerLead({ id: '5001' }),
			triggerLead({ id: '5002' }),
			triggerLead({ id: '5003' }),
		];
		const result = await run(leads, enrich(), credentials);

		expect(result.error).toBeUndefined();
		expect(result.json.map(({ enrichment: _enrichment, ...lead }) => lead)).toEqual(leads);
		const [first, second, third] = result.json.map(enrichmentOf);
		expect(first).toMatchObject({ status: 'skipped', apiCalls: 1, customerStatus: null });
		expect(first.reason).toBe(
			'Kajabi error 503: The Kajabi API is unavailable (stand-in fault) (GET /v1/contacts/5001). ' +
				'Kajabi failed to handle the request. The request was sent 5 times.',
		);
		expect(second).toMatchObject({ status: 'skipped', apiCalls: 0 });
		expect(second.reason).toMatch(/\(GET \/v1\/contacts\/5002\)\..*Kajabi was not asked again/);
		expect(third).toMatchObject({ status: 'skipped', apiCalls: 0 });
		expect(apiRequests()).toHaveLength(5);
		expect(waits).toHaveLength(4);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('a key without API access to contacts (403): skipped with the permission hint', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:forms'] });
		const result = await run(
			[triggerLead({ id: '5001' }), triggerLead({ id: '5002' })],
			enrich(),
			credentialFor(key),
		);

		const [first, second] = result.json.map(enrichmentOf);
		expect(first).toMatchObject({ status: 'skipped', apiCalls: 1 });
		expect(first.reason).toBe(
			'Kajabi error 403: This API key lacks the permission view:contacts (GET /v1/contacts/5001). ' +
				'The API key behind this credential lacks the permission for this resource. ' +
				'A Kajabi owner can add it under Settings, Public API.',
		);
		expect(second).toMatchObject({ status: 'skipped', apiCalls: 0 });
		expect(apiRequests()).toEqual(['GET /v1/contacts/5001?include=offers,tags,customer']);
	});

	test('a key that may read contacts but not purchases: customers skipped, other leads enriched', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:contacts'] });
		const result = await run(
			[triggerLead({ id: '5001' }), triggerLead({ id: '5007' }), triggerLead({ id: '5002' })],
			enrich(),
			credentialFor(key),
		);

		expect(result.json.map((json) => enrichmentOf(json).status)).toEqual([
			'skipped',
			'enriched',
			'skipped',
		]);
		expect(enrichmentOf(result.json[0]).reason).toMatch(
			/^Kajabi error 403: This API key lacks the permission view:purchases \(GET \/v1\/purchases\)/,
		);
		expect(apiRequests()).toEqual([
			'GET /v1/contacts/5001?include=offers,tags,customer',
			'GET /v1/purchases?filter[customer_id]=8001&page[size]=100',
			'GET /v1/contacts/5007?include=offers,tags,customer',
			'GET /v1/contacts/5002?include=offers,tags,customer',
		]);
	});

	test('a key that may not read custom fields: enriched, names left out with a warning', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:contacts'] });
		const lead = triggerLead({ id: '5007' }, { customFields: { custom_1: 'Acme' } });
		const result = await run([lead, lead], enrich(), credentialFor(key));

		expect(result.json[0].customFields).toEqual({ custom_1: 'Acme' });
		expect(result.json.map((json) => enrichmentOf(json).status)).toEqual(['enriched', 'enriched']);
		expect(enrichmentOf(result.json[1]).warnings).toEqual([
			'Custom field names could not be read: Kajabi error 403: This API key lacks the permission view:custom_fields',
		]);
		expect(apiRequests().filter((request) => request.includes('custom_fields'))).toHaveLength(1);
	});

	test('a rate limit that outlasts the retries: skipped with the reason', async () => {
		kajabi.standIn.control.setRateLimit({ limit: 1, windowSeconds: 1 });
		const result = await run([triggerLead({ id: '5001' }), triggerLead({ id: '5002' })]);

		const [first, second] = result.json.map(enrichmentOf);
		expect(first).toMatchObject({ status: 'skipped', apiCalls: 1 });
		expect(first.reason).toBe(
			'Kajabi error 429: Too many requests; retry later (GET /v1/contacts/5001). ' +
				'Kajabi asked for fewer requests. The request was sent 5 times.',
		);
		expect(waits).toEqual([1_000, 1_000, 1_000, 1_000]);
		expect(second).toMatchObject({ status: 'skipped', apiCalls: 0 });
		expect(kajabi.standIn.control.counters().rateLimited).toBe(5);
	});

	test('a refused client secret (no API access): skipped with the token error', async () => {
		const result = await run(
			[triggerLead({ id: '5001' })],
			enrich(),
			credentialFor({ clientId: SEEDED_KEYS.owner.clientId, clientSecret: 'not-the-secret' }),
		);

		expect(enrichmentOf(result.json[0])).toMatchObject({ status: 'skipped', apiCalls: 1 });
		expect(enrichmentOf(result.json[0]).reason).toMatch(
			/^Kajabi refused to issue an access token: invalid_client \(GET \/v1\/contacts\/5001\)\./,
		);
		expect(apiRequests()).toEqual([]);
	});
});

describe('when the user chooses to stop', () => {
	const stop = enrich({ onApiFailure: 'stop' });

	test('Stop With Error fails the execution with Kajabi’s error', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:forms'] });
		const result = await run([triggerLead({ id: '5001' })], stop, credentialFor(key));

		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
		expect(result.error?.message).toBe(
			'Kajabi error 403: This API key lacks the permission view:contacts',
		);
		expect(result.items).toEqual([]);
	});

	test('Stop With Error fails a lead with no contact ID or email', async () => {
		const result = await run([{ note: 'not a lead' }], stop);

		expect(result.error?.message).toBe('The lead has no contact ID and no email');
	});

	test('with Continue On Fail, each failed lead becomes an error item paired with it', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:contacts'] });
		const result = await run(
			[triggerLead({ id: '5001' }), triggerLead({ id: '5007' })],
			stop,
			credentialFor(key),
			true,
		);

		expect(result.error).toBeUndefined();
		expect(result.items[0]).toEqual({
			json: { error: 'Kajabi error 403: This API key lacks the permission view:purchases' },
			pairedItem: { item: 0 },
		});
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(enrichmentOf(result.items[1].json)).toMatchObject({ status: 'enriched' });
	});

	test('with Pass Lead On, Continue On Fail changes nothing: the lead goes on', async () => {
		const key = kajabi.standIn.control.createApiKey({ permissions: ['view:forms'] });
		const result = await run([triggerLead({ id: '5001' })], enrich(), credentialFor(key), true);

		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					contact: expect.objectContaining({ id: '5001' }),
					enrichment: expect.objectContaining({ status: 'skipped' }),
				}),
				pairedItem: { item: 0 },
			},
		]);
	});
});
