import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEEDED_KEYS, type SeedData } from '../../../scripts/kajabi-stand-in';
import * as pauseModule from '../../../nodes/shared/transport/pause';
import { KajabiCredentialStore } from './support/kajabiCredentials';
import { requestsBreakingSpec } from './support/recordingProxy';
import { runKajabiNode } from './support/runKajabiNode';
import { useStandInBehindProxy } from './support/standInBehindProxy';

/**
 * The Kajabi node against the Kajabi stand-in, a local server that behaves as Kajabi's spec
 * says, through n8n-core's real OAuth2 client-credentials flow. A recording proxy sits in
 * between so every request the node (and n8n's token fetch) sends is held to the spec.
 */

const SITE_MAIN = '101';
const SITE_YOGA = '102';
const LOOKALIKES = 230;

/** Many contacts whose email contains `jo@example.com`, and the one that is exactly it. */
function withLookalikes(defaults: SeedData): SeedData {
	const template = defaults.contacts[0];
	const contact = (id: number, email: string, createdAt: string) => ({
		...template,
		id: String(id),
		siteId: SITE_MAIN,
		tagIds: [],
		attributes: { ...template.attributes, name: `Lookalike ${id}`, email, created_at: createdAt },
	});
	const lookalikes = Array.from({ length: LOOKALIKES }, (_, index) =>
		contact(
			90_000 + index,
			`x${index}jo@example.com`,
			new Date(Date.UTC(2025, 5, 1, 0, index)).toISOString(),
		),
	);
	// The oldest of all, so it comes last in Kajabi's newest-first list.
	const exact = contact(89_999, 'Jo@Example.com', '2020-01-01T00:00:00.000Z');
	return { ...defaults, contacts: [...defaults.contacts, ...lookalikes, exact] };
}

const kajabi = useStandInBehindProxy(withLookalikes);

afterEach(() => {
	jest.restoreAllMocks();
	expect(requestsBreakingSpec(kajabi.proxy)).toEqual([]);
});

const ownerKey = () =>
	new KajabiCredentialStore({
		clientId: SEEDED_KEYS.owner.clientId,
		clientSecret: SEEDED_KEYS.owner.clientSecret,
		baseUrl: kajabi.proxy.url,
	});

const site = (id: string) => ({ __rl: true, mode: 'list', value: id });

async function run(
	credentials: KajabiCredentialStore,
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject[]> {
	const result = await runKajabiNode({ parameters, credentials, input });
	if (result.error)
		throw new Error(`${parameters.resource} ${parameters.operation}: ${result.error.message}`);
	return result.json;
}

const apiRequests = () =>
	kajabi.proxy.exchanges.filter((exchange) => !exchange.path.startsWith('/v1/oauth/'));

test('a tour of the whole API runs on one token, every request as the spec says', async () => {
	const credentials = ownerKey();
	const go = (parameters: INodeParameters, input?: IDataObject[]) =>
		run(credentials, parameters, input);

	expect(await go({ resource: 'me', operation: 'get' })).toEqual([
		expect.objectContaining({ id: '77', name: 'Morgan Lee' }),
	]);
	expect((await go({ resource: 'version', operation: 'get' }))[0]).toHaveProperty('meta');
	const sites = await go({ resource: 'site', operation: 'getMany', returnAll: true });
	expect(sites.map((entry) => entry.id).sort()).toEqual([SITE_MAIN, SITE_YOGA]);
	expect(await go({ resource: 'site', operation: 'get', siteId: site(SITE_YOGA) })).toEqual([
		expect.objectContaining({ title: 'Harbor Yoga Studio' }),
	]);

	// The same person on two sites: Find by Email answers per site, whatever the case.
	const find = (siteId: string) =>
		go({
			resource: 'contact',
			operation: 'findByEmail',
			siteId: site(siteId),
			email: 'AVA.martinez@example.COM',
		});
	expect((await find(SITE_MAIN)).map((entry) => entry.id)).toEqual(['5001']);
	expect((await find(SITE_YOGA)).map((entry) => entry.id)).toEqual(['5028']);

	const [created] = await go({
		resource: 'contact',
		operation: 'create',
		siteId: site(SITE_MAIN),
		email: 'tour.guest@example.com',
		additionalFields: {
			name: 'Tour Guest',
			addressCity: 'Porto',
			customFields: { field: [{ handle: 'custom_2', value: 'Podcast' }] },
		},
	});
	const contactId = String(created.id);
	expect(created).toMatchObject({ email: 'tour.guest@example.com', custom_2: 'Podcast' });

	expect(
		await go({
			resource: 'contact',
			operation: 'update',
			contactId,
			updateFields: { phoneNumber: '+351 555 0100' },
		}),
	).toEqual([expect.objectContaining({ phone_number: '+351 555 0100' })]);

	await go({
		resource: 'contactTag',
		operation: 'addToContact',
		contactId,
		tagIds: ['3001', '3003'],
	});
	await go({ resource: 'contactTag', operation: 'removeFromContact', contactId, tagIds: '3001' });
	expect(await go({ resource: 'contactTag', operation: 'getManyForContact', contactId })).toEqual([
		{ id: '3003', type: 'contact_tags' },
	]);
	await go({ resource: 'contactTag', operation: 'replaceOnContact', contactId, tagIds: ['3002'] });
	const [withTags] = await go({
		resource: 'contact',
		operation: 'get',
		contactId,
		options: { include: ['tags'] },
	});
	expect(withTags.tags).toEqual([expect.objectContaining({ id: '3002', type: 'contact_tags' })]);
	expect(
		(
			await go({
				resource: 'contactTag',
				operation: 'getMany',
				siteId: site(SITE_MAIN),
				returnAll: true,
			})
		).length,
	).toBeGreaterThan(3);
	expect(await go({ resource: 'contactTag', operation: 'get', tagId: site('3002') })).toHaveLength(
		1,
	);

	// The welcome email goes out only when asked for.
	await go({
		resource: 'contactOffer',
		operation: 'grant',
		contactId,
		offerIds: ['4001'],
		sendWelcomeEmail: false,
	});
	expect(
		kajabi.standIn.control.welcomeEmails().filter((email) => email.contactId === contactId),
	).toEqual([]);
	await go({ resource: 'contactOffer', operation: 'grant', contactId, offerIds: ['4004'] });
	expect(
		kajabi.standIn.control.welcomeEmails().filter((email) => email.contactId === contactId),
	).toEqual([expect.objectContaining({ offerId: '4004' })]);
	expect(
		(await go({ resource: 'contactOffer', operation: 'getMany', contactId }))
			.map((entry) => entry.id)
			.sort(),
	).toEqual(['4001', '4004']);
	await go({ resource: 'contactOffer', operation: 'revoke', contactId, offerIds: ['4004'] });
	await go({ resource: 'contactOffer', operation: 'replace', contactId, offerIds: ['4001'] });

	const [note] = await go({
		resource: 'contactNote',
		operation: 'create',
		contactId,
		body: 'Met at the tour.',
	});
	await go({
		resource: 'contactNote',
		operation: 'update',
		noteId: String(note.id),
		body: 'Met at the tour; call back.',
	});
	expect(await go({ resource: 'contactNote', operation: 'get', noteId: String(note.id) })).toEqual([
		expect.objectContaining({ body: 'Met at the tour; call back.' }),
	]);
	expect(
		await go({
			resource: 'contactNote',
			operation: 'getMany',
			filters: { contactId },
			returnAll: true,
		}),
	).toHaveLength(1);
	await go({ resource: 'contactNote', operation: 'delete', noteId: String(note.id) });

	const customers = await go({
		resource: 'customer',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		limit: 5,
	});
	const customerId = String(customers[0].id);
	await go({
		resource: 'customer',
		operation: 'get',
		customerId,
		options: { include: ['offers'] },
	});
	await go({ resource: 'customerOffer', operation: 'getMany', customerId });
	await go({ resource: 'customerOffer', operation: 'grant', customerId, offerIds: ['4001'] });
	await go({ resource: 'customerOffer', operation: 'revoke', customerId, offerIds: ['4001'] });

	const purchases = await go({
		resource: 'purchase',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		limit: 3,
	});
	await go({ resource: 'purchase', operation: 'get', purchaseId: String(purchases[0].id) });
	const [transaction] = await go({ resource: 'transaction', operation: 'getMany', limit: 1 });
	await go({ resource: 'transaction', operation: 'get', transactionId: String(transaction.id) });
	const [order] = await go({ resource: 'order', operation: 'getMany', limit: 1 });
	await go({
		resource: 'order',
		operation: 'get',
		orderId: String(order.id),
		options: { include: ['order_items'] },
	});
	const [orderItem] = await go({ resource: 'orderItem', operation: 'getMany', limit: 1 });
	await go({ resource: 'orderItem', operation: 'get', orderItemId: String(orderItem.id) });

	await go({
		resource: 'offer',
		operation: 'get',
		offerId: site('4003'),
		options: { include: ['products'] },
	});
	expect(
		await go({ resource: 'offer', operation: 'getProducts', offerId: site('4003') }),
	).toHaveLength(2);
	await go({
		resource: 'offer',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		filters: { titleCont: 'Free' },
		limit: 10,
	});
	const [product] = await go({ resource: 'product', operation: 'getMany', limit: 1 });
	await go({ resource: 'product', operation: 'get', productId: String(product.id) });
	const [course] = await go({ resource: 'course', operation: 'getMany', limit: 1 });
	await go({
		resource: 'course',
		operation: 'get',
		courseId: String(course.id),
		options: { include: ['modules'] },
	});

	await go({ resource: 'form', operation: 'getMany', siteId: site(SITE_MAIN), returnAll: true });
	await go({
		resource: 'form',
		operation: 'get',
		formId: site('2001'),
		options: { include: ['fields'] },
	});
	const [submission] = await go({
		resource: 'form',
		operation: 'submit',
		formId: site('2002'),
		name: 'Guide Reader',
		email: 'guide.reader@example.com',
	});
	await go({
		resource: 'formSubmission',
		operation: 'get',
		formSubmissionId: String(submission.id),
	});
	await go({
		resource: 'formSubmission',
		operation: 'getMany',
		filters: { formId: '2002' },
		limit: 10,
	});
	const fields = await go({
		resource: 'customField',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		returnAll: true,
	});
	expect(fields.map((field) => field.handle)).toEqual(['custom_1', 'custom_2', 'custom_3']);
	await go({ resource: 'customField', operation: 'get', customFieldId: site('1101') });

	const [hook] = await go({
		resource: 'hook',
		operation: 'create',
		siteId: site(SITE_MAIN),
		event: 'tag_added',
		targetUrl: 'http://127.0.0.1:9/kajabi',
		resourceId: '3002',
	});
	await go({ resource: 'hook', operation: 'get', hookId: String(hook.id) });
	await go({
		resource: 'hook',
		operation: 'getMany',
		filters: { eventEq: 'tag_added' },
		returnAll: true,
	});
	expect(
		(await go({ resource: 'hook', operation: 'getSample', event: 'purchase' })).length,
	).toBeGreaterThan(0);
	await go({ resource: 'hook', operation: 'delete', hookId: String(hook.id) });

	const payouts = await go({
		resource: 'payout',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		returnAll: true,
	});
	await go({
		resource: 'payout',
		operation: 'get',
		payoutId: String(payouts[0].id),
		siteId: site(SITE_MAIN),
	});
	for (const resource of ['landingPage', 'blogPost', 'websitePage', 'podcast']) {
		await go({ resource, operation: 'getMany', limit: 5 });
	}

	expect(await go({ resource: 'contact', operation: 'delete', contactId })).toEqual([
		{ deleted: true, id: contactId },
	]);

	expect(kajabi.standIn.control.counters().tokenRequests).toBe(1);
	expect(credentials.tokenWrites).toBe(1);
	expect(apiRequests().length).toBeGreaterThan(60);
});

test('Return All reads every page of a long list', async () => {
	const contacts = await run(ownerKey(), {
		resource: 'contact',
		operation: 'getMany',
		siteId: site(SITE_MAIN),
		returnAll: true,
	});

	const inSite = kajabi.standIn.state.contacts.filter((contact) => contact.siteId === SITE_MAIN);
	expect(inSite.length).toBeGreaterThan(200);
	expect(contacts.length).toBe(inSite.length);
	expect(new Set(contacts.map((contact) => contact.id)).size).toBe(contacts.length);
	expect(apiRequests()).toHaveLength(3);
});

test('Find by Email pages past lookalikes to the one exact match', async () => {
	const found = await run(ownerKey(), {
		resource: 'contact',
		operation: 'findByEmail',
		siteId: site(SITE_MAIN),
		email: 'jo@example.com',
	});

	expect(found.map((contact) => [contact.id, contact.email])).toEqual([
		['89999', 'Jo@Example.com'],
	]);
	expect(apiRequests()).toHaveLength(3);
});

test('a token that expires mid-run is replaced once and the request sent again', async () => {
	const credentials = ownerKey();
	let apiCalls = 0;
	kajabi.proxy.beforeForward = ({ path }) => {
		if (!path.startsWith('/v1/oauth/') && ++apiCalls === 2) kajabi.standIn.control.expireTokens();
	};

	const contacts = await run(
		credentials,
		{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
		[{ id: '5001' }, { id: '5002' }, { id: '5003' }, { id: '5004' }],
	);

	expect(contacts.map((contact) => contact.id)).toEqual(['5001', '5002', '5003', '5004']);
	expect(kajabi.standIn.control.counters().tokenRequests).toBe(2);
	expect(apiRequests().map((exchange) => exchange.status)).toEqual([200, 401, 200, 200, 200]);
	expect(credentials.tokenWrites).toBe(2);
});

test('Revoke ends the session; the next request gets a new token', async () => {
	const credentials = ownerKey();
	await run(credentials, { resource: 'me', operation: 'get' });
	const first = credentials.accessToken;

	expect(await run(credentials, { resource: 'accessToken', operation: 'revoke' })).toEqual([
		{ revoked: true },
	]);
	expect(await run(credentials, { resource: 'me', operation: 'get' })).toHaveLength(1);

	expect(kajabi.standIn.control.counters().tokenRequests).toBe(2);
	expect(credentials.accessToken).not.toBe(first);
	expect(apiRequests().map((exchange) => exchange.status)).toEqual([200, 401, 200]);
	expect(
		kajabi.proxy.exchanges.filter((exchange) => exchange.path === '/v1/oauth/revoke'),
	).toHaveLength(1);
});

test('a rate limit is waited out as Retry-After says, and no item is lost', async () => {
	kajabi.standIn.control.setRateLimit({ limit: 2, windowSeconds: 1 });

	const started = Date.now();
	const contacts = await run(
		ownerKey(),
		{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
		[{ id: '5001' }, { id: '5002' }, { id: '5003' }, { id: '5004' }, { id: '5005' }],
	);

	expect(contacts).toHaveLength(5);
	const statuses = apiRequests().map((exchange) => exchange.status);
	expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
	expect(statuses.filter((status) => status === 200)).toHaveLength(5);
	expect(Date.now() - started).toBeGreaterThanOrEqual(900);
});

test('injected 502s are retried until Kajabi answers', async () => {
	const waits: number[] = [];
	jest.spyOn(pauseModule, 'pause').mockImplementation(async (milliseconds) => {
		waits.push(milliseconds);
	});
	kajabi.standIn.control.failNext({ count: 2, status: 502, pathPrefix: '/v1/contacts' });

	const [contact] = await run(ownerKey(), {
		resource: 'contact',
		operation: 'get',
		contactId: '5001',
	});

	expect(contact.id).toBe('5001');
	expect(apiRequests().map((exchange) => exchange.status)).toEqual([502, 502, 200]);
	expect(waits).toHaveLength(2);
});

test("a key without the permission gets Kajabi's 403 as a NodeApiError", async () => {
	const key = kajabi.standIn.control.createApiKey({ permissions: ['view:forms'] });
	const result = await runKajabiNode({
		parameters: { resource: 'contact', operation: 'get', contactId: '5001' },
		credentials: new KajabiCredentialStore({ ...key, baseUrl: kajabi.proxy.url }),
	});

	expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
	expect(result.error?.message).toMatch(/^Kajabi error 403: This API key lacks the permission/);
});

test('a wrong client secret is reported from the token endpoint', async () => {
	const result = await runKajabiNode({
		parameters: { resource: 'me', operation: 'get' },
		credentials: new KajabiCredentialStore({
			clientId: SEEDED_KEYS.owner.clientId,
			clientSecret: 'not-the-secret',
			baseUrl: kajabi.proxy.url,
		}),
	});

	expect(result.error?.message).toMatch(/^Kajabi refused to issue an access token: /);
	expect(apiRequests()).toHaveLength(0);
});
