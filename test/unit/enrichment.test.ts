import { NodeApiError, Workflow, type INode, type INodeTypes } from 'n8n-workflow';

import { buildEnrichment } from '../../nodes/Kajabi/enrich/buildEnrichment';
import { customerIdOf, readContactDocument } from '../../nodes/Kajabi/enrich/contactDocument';
import {
	customerStatusOf,
	engagementScoreOf,
	isFreePurchase,
} from '../../nodes/Kajabi/enrich/customerStatus';
import { customFieldHandles, nameCustomFields } from '../../nodes/Kajabi/enrich/customFieldNames';
import { endpointOf, FailureGate } from '../../nodes/Kajabi/enrich/failureGate';
import { NameCache, STORE_KEY } from '../../nodes/Kajabi/enrich/nameCache';
import { fixtureJson } from '../helpers/fixtures';

const CONTACT_DOCUMENT = 'openapi-contacts-show-include-offers-tags-customer.json';

const purchase = (id: string, deactivatedAt: string | null) => ({
	id,
	type: 'purchases',
	attributes: { amount_in_cents: 4900, deactivated_at: deactivatedAt },
});

describe('customer status', () => {
	it('is lead without purchases, customer with an active one, former customer otherwise', () => {
		expect(customerStatusOf(null)).toBe('lead');
		expect(customerStatusOf([])).toBe('lead');
		expect(
			customerStatusOf([{ deactivatedAt: '2025-01-01T00:00:00Z' }, { deactivatedAt: null }]),
		).toBe('customer');
		expect(customerStatusOf([{ deactivatedAt: '2025-01-01T00:00:00Z' }])).toBe('former_customer');
	});

	it('does not count free purchases: a free guide or a grant gives access, not a sale', () => {
		expect(customerStatusOf([{ deactivatedAt: null, free: true }])).toBe('lead');
		expect(
			customerStatusOf([
				{ deactivatedAt: null, free: true },
				{ deactivatedAt: '2025-01-01T00:00:00Z', free: false },
			]),
		).toBe('former_customer');
	});

	it('calls a purchase free by its amount, or by its payment type when the amount is missing', () => {
		expect(isFreePurchase(0, 'single')).toBe(true);
		expect(isFreePurchase(4900, 'free')).toBe(false);
		expect(isFreePurchase(null, 'free')).toBe(true);
		expect(isFreePurchase(null, 'subscription')).toBe(false);
		expect(isFreePurchase(null, null)).toBe(false);
	});
});

describe('engagement score', () => {
	const tags = [
		{ id: '10', name: 'Webinar Attended' },
		{ id: '11', name: 'VIP' },
		{ id: '12', name: null },
	];

	it('counts each high-value tag present, by name in any case or by id', () => {
		expect(engagementScoreOf(tags, ['webinar attended', 'vip', '12', 'Bought Course'])).toBe(3);
	});

	it('counts a tag listed twice once, and ignores blank entries', () => {
		expect(engagementScoreOf(tags, ['VIP', 'VIP', ' ', ''])).toBe(1);
	});

	it('counts a tag once whether it is listed by name, in another case, or by id', () => {
		expect(engagementScoreOf(tags, ['VIP', 'vip', '11'])).toBe(1);
	});
});

describe('building the enrichment from Kajabi answers', () => {
	it('reads the contact with its tags, offers and customer from one include call', () => {
		const enrichment = buildEnrichment({
			contactDocument: fixtureJson(CONTACT_DOCUMENT),
			purchases: [purchase('1', null)],
			tagNames: new Map(),
			highValueTags: ['tag name'],
			apiCalls: 3,
		});

		expect(enrichment).toEqual({
			status: 'enriched',
			reason: null,
			contact: {
				id: '123',
				name: 'John Smith',
				email: 'john@example.com',
				subscribed: false,
				externalUserId: null,
				createdAt: '2024-01-15T10:30:00Z',
				updatedAt: '2024-01-15T10:30:00Z',
			},
			tags: [{ id: '789', name: 'Tag Name' }],
			offers: [{ id: '456', title: 'Offer 1' }],
			customer: {
				id: '321',
				netRevenue: 0,
				signInCount: 0,
				lastRequestAt: null,
				createdAt: '2024-01-15T10:30:00Z',
			},
			purchases: { total: 1, active: 1, deactivated: 0, paid: 1, lastPurchasedAt: null },
			customerStatus: 'customer',
			engagementScore: 1,
			apiCalls: 3,
			warnings: [],
		});
	});

	it('names tags Kajabi listed without including them from the tag-name cache', () => {
		const document = fixtureJson(CONTACT_DOCUMENT);
		document.data.relationships.tags.data.push({ id: '790', type: 'contact_tags' });

		const enrichment = buildEnrichment({
			contactDocument: document,
			purchases: null,
			tagNames: new Map([['790', 'Webinar Attended']]),
			highValueTags: ['Webinar Attended'],
			apiCalls: 2,
		});

		expect(enrichment.tags).toEqual([
			{ id: '789', name: 'Tag Name' },
			{ id: '790', name: 'Webinar Attended' },
		]);
		expect(enrichment.purchases).toBeNull();
		expect(enrichment.customerStatus).toBe('lead');
		expect(enrichment.engagementScore).toBe(1);
	});

	it('calls a contact whose purchases are all deactivated a former customer', () => {
		const enrichment = buildEnrichment({
			contactDocument: fixtureJson(CONTACT_DOCUMENT),
			purchases: [purchase('1', '2025-02-01T00:00:00Z'), purchase('2', '2025-03-01T00:00:00Z')],
			tagNames: new Map(),
			highValueTags: [],
			apiCalls: 3,
		});

		expect(enrichment.purchases).toEqual({
			total: 2,
			active: 0,
			deactivated: 2,
			paid: 2,
			lastPurchasedAt: null,
		});
		expect(enrichment.customerStatus).toBe('former_customer');
	});

	it('reports not_found for an answer without a contact', () => {
		const enrichment = buildEnrichment({
			contactDocument: { data: null },
			purchases: null,
			tagNames: new Map(),
			highValueTags: ['VIP'],
			apiCalls: 1,
		});

		expect(enrichment).toMatchObject({
			status: 'not_found',
			contact: null,
			customerStatus: null,
			engagementScore: null,
		});
	});
});

describe('reading the contact document', () => {
	it('finds the customer through the relationship when Kajabi did not include it', () => {
		const document = fixtureJson(CONTACT_DOCUMENT);
		document.included = [];

		expect(customerIdOf(readContactDocument(document))).toBe('321');
	});

	it('has no customer for a contact without the relationship', () => {
		const document = fixtureJson(CONTACT_DOCUMENT);
		delete document.data.relationships.customer;
		document.included = [];

		expect(customerIdOf(readContactDocument(document))).toBeNull();
	});
});

describe('naming custom fields', () => {
	const titles = new Map([
		['custom_1', 'Favorite Song'],
		['custom_2', ' Lead Source '],
		['custom_10', 'Company'],
	]);

	it('adds each title beside its custom_N key, trimmed, in field order', () => {
		const { fields, conflicts } = nameCustomFields(
			{ custom_10: 'Acme', custom_2: 'Podcast', custom_1: null, custom_7: 'x' },
			titles,
		);

		expect(fields).toEqual({
			custom_10: 'Acme',
			custom_2: 'Podcast',
			custom_1: null,
			custom_7: 'x',
			'Favorite Song': null,
			'Lead Source': 'Podcast',
			Company: 'Acme',
		});
		expect(conflicts).toEqual([]);
	});

	it('never overwrites a key already holding another value', () => {
		const { fields, conflicts } = nameCustomFields(
			{ custom_1: 'Yesterday', 'Favorite Song': 'Help!', custom_10: 'Acme', Company: 'Acme' },
			titles,
		);

		expect(fields['Favorite Song']).toBe('Help!');
		expect(conflicts).toEqual(['Favorite Song']);
	});

	it('finds the custom_N keys only', () => {
		expect(
			customFieldHandles({ custom_3: 1, custom_12: 2, experience_level: 3, custom_x: 4 }),
		).toEqual(['custom_3', 'custom_12']);
		expect(customFieldHandles(undefined)).toEqual([]);
	});
});

describe('the name cache', () => {
	const HOUR = 60 * 60 * 1000;
	const names = new Map([['31', 'VIP']]);

	it('keeps a list for the execution, and in the store until it is older than the lifetime', () => {
		let now = 1_000_000;
		const store: Record<string, unknown> = {};
		const first = new NameCache({ store, lifetimeMs: HOUR, now: () => now });
		first.remember('cred|11', 'contact_tags', names);

		expect(first.known('cred|11', 'contact_tags')?.origin).toBe('execution');
		const next = new NameCache({ store, lifetimeMs: HOUR, now: () => now });
		expect(next.known('cred|11', 'contact_tags')).toEqual({ names, origin: 'stored' });
		expect(next.known('cred|12', 'contact_tags')).toBeUndefined();
		expect(next.known('cred|11', 'custom_fields')).toBeUndefined();

		now += HOUR;
		expect(
			new NameCache({ store, lifetimeMs: HOUR, now: () => now }).known('cred|11', 'contact_tags'),
		).toBeUndefined();
	});

	it('stores nothing with a lifetime of 0, or for a list longer than the limit', () => {
		const store: Record<string, unknown> = {};
		new NameCache({ store, lifetimeMs: 0, now: () => 1 }).remember('s', 'contact_tags', names);
		new NameCache({ store, lifetimeMs: HOUR, now: () => 1, maxStoredNames: 0 }).remember(
			's',
			'contact_tags',
			names,
		);

		expect(store).toEqual({});
	});

	it('drops expired lists when it stores a new one, and ignores stored data it cannot read', () => {
		const store: Record<string, unknown> = {
			[STORE_KEY]: {
				'old|contact_tags': { savedAt: 0, names: { '1': 'Old' } },
				'odd|contact_tags': { savedAt: 'yesterday' },
			},
		};
		const cache = new NameCache({ store, lifetimeMs: HOUR, now: () => 2 * HOUR });

		expect(cache.known('odd', 'contact_tags')).toBeUndefined();
		cache.remember('new', 'custom_fields', new Map([['custom_1', 'Company']]));
		expect(store[STORE_KEY]).toEqual({
			'new|custom_fields': { savedAt: 2 * HOUR, names: { custom_1: 'Company' } },
		});
	});

	it("marks n8n's workflow static data as changed, so n8n saves it", () => {
		const node: INode = {
			id: '1',
			name: 'Kajabi',
			type: 'n8n-nodes-kajabi-connect.kajabi',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const nodeType = { description: { properties: [] } };
		const nodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
		} as unknown as INodeTypes;
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: {},
		});
		const store = workflow.getStaticData('node', node);
		expect(workflow.staticData.__dataChanged).toBe(false);

		new NameCache({ store, lifetimeMs: HOUR, now: () => 5 }).remember('s', 'contact_tags', names);

		expect(workflow.staticData.__dataChanged).toBe(true);
		expect(workflow.staticData['node:Kajabi']).toEqual({
			[STORE_KEY]: { 's|contact_tags': { savedAt: 5, names: { '31': 'VIP' } } },
		});
	});

	it('remembers a list that failed for the rest of the execution', () => {
		const cache = new NameCache({ store: undefined, lifetimeMs: HOUR, now: () => 1 });
		cache.rememberFailure('s', 'custom_fields', 'Kajabi error 403');

		expect(cache.failure('s', 'custom_fields')).toBe('Kajabi error 403');
		expect(cache.failure('s', 'contact_tags')).toBeUndefined();
	});
});

describe('the failure gate', () => {
	const node: INode = {
		id: '1',
		name: 'Kajabi',
		type: 'n8n-nodes-kajabi-connect.kajabi',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const apiError = (status?: number) =>
		new NodeApiError(
			node,
			{ status: status ?? null },
			{
				message: `Kajabi error ${status}`,
				httpCode: status === undefined ? undefined : String(status),
			},
		);

	it('closes everything after an outage, a rate limit or a refused token', () => {
		for (const error of [apiError(503), apiError(429), apiError(401), apiError()]) {
			const gate = new FailureGate();
			gate.record('/v1/contacts/1', error);
			expect(gate.blocked('/v1/purchases')).toBe(error);
		}
	});

	it('closes only the endpoint a 403 came from', () => {
		const gate = new FailureGate();
		const forbidden = apiError(403);
		gate.record('/v1/purchases?filter[customer_id]=8', forbidden);

		expect(gate.blocked('/v1/purchases')).toBe(forbidden);
		expect(gate.blocked('/v1/contacts/5')).toBeUndefined();
	});

	it('forgets failures that concern one request', () => {
		const gate = new FailureGate();
		for (const status of [400, 404, 422]) gate.record('/v1/contacts/1', apiError(status));

		expect(gate.blocked('/v1/contacts/1')).toBeUndefined();
	});

	it('names endpoints by their first two path segments', () => {
		expect(endpointOf('/v1/contacts/5001')).toBe('/v1/contacts');
		expect(endpointOf('/v1/contacts?page[number]=2')).toBe('/v1/contacts');
	});
});
