import { buildEnrichment } from '../../nodes/Kajabi/enrich/buildEnrichment';
import { customerStatusOf, engagementScoreOf } from '../../nodes/Kajabi/enrich/customerStatus';
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
			purchases: { total: 1, active: 1, deactivated: 0 },
			customerStatus: 'customer',
			engagementScore: 1,
			apiCalls: 3,
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

		expect(enrichment.purchases).toEqual({ total: 2, active: 0, deactivated: 2 });
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
