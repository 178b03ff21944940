import {
	identifiersOf,
	indexIncluded,
	presentResources,
	relationshipData,
} from '../../../nodes/Kajabi/helpers/jsonApi';
import {
	hasEmail,
	looksLikeEmail,
	maskEmail,
	normalizeEmail,
} from '../../../nodes/Kajabi/helpers/email';
import { fieldNameOf } from '../../../nodes/Kajabi/helpers/queryParts';
import { splitIds } from '../../../nodes/Kajabi/helpers/readParameters';
import contactShow from './fixtures/openapi-contacts-show-include-offers-tags-customer.json';
import formShow from './fixtures/openapi-form-show-include-fields-offer-tags.json';
import tagAddedSample from './fixtures/openapi-tag_added_sample-payload-array.json';

describe('simplified items', () => {
	test('a contact with included tags, offers and customer reads as one flat item', () => {
		const [item] = presentResources([contactShow.data], contactShow.included, true);
		expect(item).toMatchObject({
			id: '123',
			type: 'contacts',
			name: 'John Smith',
			email: 'john@example.com',
			subscribed: false,
			site: { id: '123', type: 'sites' },
			tags: [{ id: '789', type: 'contact_tags', name: 'Tag Name' }],
			offers: [{ id: '456', type: 'offers', name: 'Offer 1', price_in_cents: 0 }],
			customer: { id: '321', type: 'customers', net_revenue: '0.0' },
		});
		expect(item).not.toHaveProperty('attributes');
		expect(item).not.toHaveProperty('relationships');
	});

	test('included resources are matched by type and id, since ids repeat across types', () => {
		const [item] = presentResources([formShow.data], formShow.included, true);
		expect(item.fields).toEqual([
			{ id: '456', type: 'fields', name: 'Name' },
			{ id: '789', type: 'fields', name: 'Email' },
		]);
		expect(item.contact_tags).toEqual([
			{ id: '456', type: 'contact_tags', name: 'Tag A' },
			{ id: '789', type: 'contact_tags', name: 'Tag B' },
		]);
	});

	test('a relationship not included stays an identifier, and a null one stays null', () => {
		const [item] = presentResources(
			[
				{
					id: '9',
					type: 'forms',
					attributes: { title: 'Lead magnet' },
					relationships: { offer: { data: null }, site: { data: { id: '2', type: 'sites' } } },
				},
			],
			undefined,
			true,
		);
		expect(item).toEqual({
			id: '9',
			type: 'forms',
			title: 'Lead magnet',
			offer: null,
			site: { id: '2', type: 'sites' },
		});
	});

	test("reads the offers Kajabi's example nests under links.data", () => {
		expect(relationshipData(contactShow.data.relationships.offers)).toEqual([
			{ id: '456', type: 'offers' },
		]);
	});

	test('a relationship with links only is left out', () => {
		const [item] = presentResources(
			[{ id: '1', type: 'contacts', relationships: { offers: { links: { self: '/x' } } } }],
			undefined,
			true,
		);
		expect(item).toEqual({ id: '1', type: 'contacts' });
	});

	test("a hook sample's resources each become an item", () => {
		const items = presentResources(tagAddedSample, undefined, true);
		expect(items.map((item) => item.type)).toEqual(['contacts', 'contact_tags']);
		expect(items[0]).toMatchObject({ email: 'sample@example.com', site: { id: '2' } });
	});
});

describe('raw items', () => {
	test('keep the JSON:API shape, with the included resources they point to', () => {
		const [item] = presentResources([contactShow.data], contactShow.included, false);
		expect(item.attributes).toEqual(contactShow.data.attributes);
		expect(item.relationships).toEqual(contactShow.data.relationships);
		expect((item.included as Array<{ type: string }>).map((entry) => entry.type).sort()).toEqual([
			'contact_tags',
			'customers',
			'offers',
		]);
	});

	test('have no included key when nothing was included', () => {
		const [item] = presentResources([{ id: '1', type: 'sites' }], [], false);
		expect(item).toEqual({ id: '1', type: 'sites' });
	});
});

test('relationship answers become identifiers with string ids', () => {
	expect(identifiersOf({ data: [{ id: 5, type: 'contact_tags' }, { nope: true }] })).toEqual([
		{ id: '5', type: 'contact_tags' },
	]);
	expect(identifiersOf(undefined)).toEqual([]);
	expect(indexIncluded('not a list').size).toBe(0);
});

describe('email matching for Find by Email', () => {
	const contact = (email: string | null) => ({ id: '1', type: 'contacts', attributes: { email } });

	test('ignores case and surrounding spaces', () => {
		expect(
			hasEmail(contact('John.Doe@Example.COM'), normalizeEmail(' john.doe@example.com ')),
		).toBe(true);
	});

	test.each([
		'john.doe@example.com.au',
		'xjohn.doe@example.com',
		'john.doe@example.co',
		'john.doe+news@example.com',
	])('is not fooled by the near miss %s', (email) => {
		expect(hasEmail(contact(email), normalizeEmail('john.doe@example.com'))).toBe(false);
	});

	test('a contact without an email never matches', () => {
		expect(hasEmail(contact(null), 'a@b.c')).toBe(false);
	});

	test('recognises an address and masks it for logs', () => {
		expect(looksLikeEmail('jane@example.com')).toBe(true);
		expect(looksLikeEmail('jane example.com')).toBe(false);
		expect(looksLikeEmail('a@b@c')).toBe(false);
		expect(maskEmail('jane@example.com')).toBe('j***@example.com');
		expect(maskEmail('nobody')).toBe('***');
	});
});

test('IDs from a multi-select or an expression become a clean list', () => {
	expect(splitIds(['1', '2'])).toEqual(['1', '2']);
	expect(splitIds('1, 2,,3 ,2')).toEqual(['1', '2', '3']);
	expect(splitIds([7, '8,9'])).toEqual(['7', '8', '9']);
	expect(splitIds(42)).toEqual(['42']);
	expect(splitIds(undefined)).toEqual([]);
});

test('filter keys become field names n8n accepts', () => {
	expect(fieldNameOf('filter[has_tag_id]')).toBe('hasTagId');
	expect(fieldNameOf('filter[exclude_product_types][]')).toBe('excludeProductTypes');
	expect(fieldNameOf('filter[search]')).toBe('search');
});
