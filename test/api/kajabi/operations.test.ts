import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { kajabiContract } from '../contract/openApiContract';
import { FakeKajabi } from './support/fakeKajabi';
import type { SeenRequest } from './support/fakeKajabi';
import { removeUserFolder, runKajabiNode } from './support/runKajabiNode';
import contactShow from './fixtures/openapi-contacts-show-include-offers-tags-customer.json';
import contactCreateRequest from './fixtures/openapi-contacts-create-request.json';
import contactCreateResponse from './fixtures/openapi-contacts-create-response.json';
import formShow from './fixtures/openapi-form-show-include-fields-offer-tags.json';
import formSubmitRequest from './fixtures/openapi-form-submit-request.json';
import formSubmitResponse from './fixtures/openapi-form-submit-response.json';
import grantOfferRequest from './fixtures/openapi-grant-offer-request.json';
import tagsAddRequest from './fixtures/openapi-contact-tags-add-request.json';
import tagsAddResponse from './fixtures/openapi-contact-tags-add-response.json';
import customFieldsList from './fixtures/openapi-custom-fields-list-response.json';
import tagAddedSample from './fixtures/openapi-tag_added_sample-payload-array.json';

/**
 * Every operation of the Kajabi node, run in-process through n8n-core against a scripted Kajabi:
 * the request it sends (method, path, query, body) and the items it makes of the answer. Each
 * request is also held to Kajabi's OpenAPI spec, and the last test checks that together they
 * reach every endpoint the spec lists.
 */

afterAll(removeUserFolder);

const id = (value: string) => ({ __rl: true, mode: 'id', value });

const resource = (
	type: string,
	resourceId: string,
	attributes: IDataObject,
	extra: IDataObject = {},
) => ({
	id: resourceId,
	type,
	attributes,
	...extra,
});

const one = (
	type: string,
	resourceId: string,
	attributes: IDataObject,
	extra: IDataObject = {},
) => ({
	data: resource(type, resourceId, attributes, extra),
});

const many = (type: string, rows: Array<[string, IDataObject]>) => ({
	data: rows.map(([rowId, attributes]) => resource(type, rowId, attributes)),
	links: { self: `https://api.kajabi.com/v1/${type}?page[number]=1`, next: null },
});

const site = { site: { data: { id: '11', type: 'sites' } } };

interface Case {
	name: string;
	parameters: INodeParameters;
	request: { method: SeenRequest['method']; path: string; query?: IDataObject; body?: unknown };
	answer: [number, unknown?];
	output: IDataObject[] | ((json: IDataObject[]) => void);
}

const cases: Case[] = [
	// Contacts
	{
		name: 'contact create sends the site relationship and the attributes',
		parameters: {
			resource: 'contact',
			operation: 'create',
			siteId: id('123'),
			email: 'john.doe@example.com',
			additionalFields: { name: 'John Doe' },
		},
		request: { method: 'POST', path: '/v1/contacts', body: contactCreateRequest },
		answer: [201, contactCreateResponse],
		output: (json) =>
			expect(json).toEqual([
				expect.objectContaining({
					id: '456',
					email: 'john.doe@example.com',
					site: { id: '123', type: 'sites' },
				}),
			]),
	},
	{
		name: 'contact create sends address, subscription and custom fields by handle',
		parameters: {
			resource: 'contact',
			operation: 'create',
			siteId: id('11'),
			email: 'ana@example.com',
			additionalFields: {
				phoneNumber: '+15550100',
				addressCity: 'Lisbon',
				subscribed: true,
				customFields: { field: [{ handle: 'custom_7', value: 'Blue' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v1/contacts',
			body: {
				data: {
					type: 'contacts',
					attributes: {
						email: 'ana@example.com',
						phone_number: '+15550100',
						address_city: 'Lisbon',
						subscribed: true,
						custom_7: 'Blue',
					},
					relationships: { site: { data: { type: 'sites', id: '11' } } },
				},
			},
		},
		answer: [201, one('contacts', '5', { email: 'ana@example.com' }, { relationships: site })],
		output: [
			{ id: '5', type: 'contacts', email: 'ana@example.com', site: { id: '11', type: 'sites' } },
		],
	},
	{
		name: 'contact get asks for the chosen related resources and flattens them',
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: '123',
			options: { include: ['offers', 'tags', 'customer'], fields: 'name, email' },
		},
		request: {
			method: 'GET',
			path: '/v1/contacts/123',
			query: { include: 'offers,tags,customer', 'fields[contacts]': 'name,email' },
		},
		answer: [200, contactShow],
		output: (json) =>
			expect(json[0]).toMatchObject({
				id: '123',
				name: 'John Smith',
				tags: [{ id: '789', name: 'Tag Name' }],
				customer: { id: '321' },
			}),
	},
	{
		name: 'contact get can return the raw JSON:API resource',
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: '123',
			options: { simplify: false },
		},
		request: { method: 'GET', path: '/v1/contacts/123', query: {} },
		answer: [200, contactShow],
		output: (json) =>
			expect(json[0]).toMatchObject({ id: '123', attributes: { name: 'John Smith' } }),
	},
	{
		name: 'contact get many sends site, filters, sort and page size',
		parameters: {
			resource: 'contact',
			operation: 'getMany',
			siteId: id('11'),
			limit: 20,
			filters: { search: 'ana', createdInLast: 30, hasTagId: '789', subscribed: true },
			options: { sort: '-created_at' },
		},
		request: {
			method: 'GET',
			path: '/v1/contacts',
			query: {
				'filter[site_id]': '11',
				'filter[search]': 'ana',
				'filter[created_in_last]': '30',
				'filter[has_tag_id]': '789',
				'filter[subscribed]': 'true',
				sort: '-created_at',
				'page[size]': '20',
			},
		},
		answer: [
			200,
			many('contacts', [
				['1', { email: 'ana@example.com' }],
				['2', { email: 'anabel@example.com' }],
			]),
		],
		output: [
			{ id: '1', type: 'contacts', email: 'ana@example.com' },
			{ id: '2', type: 'contacts', email: 'anabel@example.com' },
		],
	},
	{
		name: 'contact update patches only the fields given, emptied ones included',
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: '456',
			updateFields: { phoneNumber: '12134567890', businessNumber: '', externalUserId: 'crm-9' },
		},
		request: {
			method: 'PATCH',
			path: '/v1/contacts/456',
			body: {
				data: {
					id: '456',
					type: 'contacts',
					attributes: {
						phone_number: '12134567890',
						business_number: '',
						external_user_id: 'crm-9',
					},
				},
			},
		},
		answer: [200, one('contacts', '456', { phone_number: '12134567890' })],
		output: [{ id: '456', type: 'contacts', phone_number: '12134567890' }],
	},
	{
		name: 'contact delete answers with what was deleted',
		parameters: { resource: 'contact', operation: 'delete', contactId: '456' },
		request: { method: 'DELETE', path: '/v1/contacts/456' },
		answer: [200, { data: {} }],
		output: [{ deleted: true, id: '456' }],
	},
	// Contact tags
	{
		name: 'tag add posts the tag identifiers and reports the tags the contact now has',
		parameters: {
			resource: 'contactTag',
			operation: 'addToContact',
			contactId: '123',
			tagIds: ['456'],
		},
		request: {
			method: 'POST',
			path: '/v1/contacts/123/relationships/tags',
			body: tagsAddRequest,
		},
		answer: [200, tagsAddResponse],
		output: [{ contactId: '123', tags: tagsAddResponse.data }],
	},
	{
		name: 'tag remove sends a DELETE with the identifiers, IDs also taken from a comma list',
		parameters: {
			resource: 'contactTag',
			operation: 'removeFromContact',
			contactId: '123',
			tagIds: '7, 8',
		},
		request: {
			method: 'DELETE',
			path: '/v1/contacts/123/relationships/tags',
			body: {
				data: [
					{ type: 'contact_tags', id: '7' },
					{ type: 'contact_tags', id: '8' },
				],
			},
		},
		answer: [200, { data: [{ type: 'contact_tags', id: '9' }] }],
		output: [{ contactId: '123', tags: [{ id: '9', type: 'contact_tags' }] }],
	},
	{
		name: 'tag replace patches the full list',
		parameters: {
			resource: 'contactTag',
			operation: 'replaceOnContact',
			contactId: '123',
			tagIds: ['1', '2'],
		},
		request: {
			method: 'PATCH',
			path: '/v1/contacts/123/relationships/tags',
			body: {
				data: [
					{ type: 'contact_tags', id: '1' },
					{ type: 'contact_tags', id: '2' },
				],
			},
		},
		answer: [
			200,
			{
				data: [
					{ type: 'contact_tags', id: '1' },
					{ type: 'contact_tags', id: '2' },
				],
			},
		],
		output: [
			{
				contactId: '123',
				tags: [
					{ id: '1', type: 'contact_tags' },
					{ id: '2', type: 'contact_tags' },
				],
			},
		],
	},
	{
		name: "a contact's tags come one item per tag",
		parameters: { resource: 'contactTag', operation: 'getManyForContact', contactId: '123' },
		request: { method: 'GET', path: '/v1/contacts/123/relationships/tags' },
		answer: [
			200,
			{
				data: [
					{ type: 'contact_tags', id: '1' },
					{ type: 'contact_tags', id: '2' },
				],
			},
		],
		output: [
			{ id: '1', type: 'contact_tags' },
			{ id: '2', type: 'contact_tags' },
		],
	},
	{
		name: 'tag get reads one tag',
		parameters: { resource: 'contactTag', operation: 'get', tagId: id('789') },
		request: { method: 'GET', path: '/v1/contact_tags/789' },
		answer: [200, one('contact_tags', '789', { name: 'VIP' }, { relationships: site })],
		output: [{ id: '789', type: 'contact_tags', name: 'VIP', site: { id: '11', type: 'sites' } }],
	},
	{
		name: 'tag get many filters by name and site',
		parameters: {
			resource: 'contactTag',
			operation: 'getMany',
			siteId: id('11'),
			returnAll: true,
			filters: { nameCont: 'vip' },
			options: { sort: 'name' },
		},
		request: {
			method: 'GET',
			path: '/v1/contact_tags',
			query: {
				'filter[site_id]': '11',
				'filter[name_cont]': 'vip',
				sort: 'name',
				'page[size]': '100',
			},
		},
		answer: [200, many('contact_tags', [['789', { name: 'VIP' }]])],
		output: [{ id: '789', type: 'contact_tags', name: 'VIP' }],
	},
	// Contact offers
	{
		name: 'offer grant can skip the welcome email',
		parameters: {
			resource: 'contactOffer',
			operation: 'grant',
			contactId: '123',
			offerIds: ['123'],
			sendWelcomeEmail: false,
		},
		request: {
			method: 'POST',
			path: '/v1/contacts/123/relationships/offers',
			body: grantOfferRequest,
		},
		answer: [200, { data: [{ type: 'offers', id: '123' }] }],
		output: [{ contactId: '123', offers: [{ id: '123', type: 'offers' }] }],
	},
	{
		name: 'offer grant sends the welcome email by default',
		parameters: { resource: 'contactOffer', operation: 'grant', contactId: '123', offerIds: ['5'] },
		request: {
			method: 'POST',
			path: '/v1/contacts/123/relationships/offers',
			body: { data: [{ type: 'offers', id: '5' }], meta: { send_customer_welcome_email: true } },
		},
		answer: [200, { data: [{ type: 'offers', id: '5' }] }],
		output: [{ contactId: '123', offers: [{ id: '5', type: 'offers' }] }],
	},
	{
		name: 'offer revoke deletes the relationship',
		parameters: {
			resource: 'contactOffer',
			operation: 'revoke',
			contactId: '123',
			offerIds: ['5'],
		},
		request: {
			method: 'DELETE',
			path: '/v1/contacts/123/relationships/offers',
			body: { data: [{ type: 'offers', id: '5' }] },
		},
		answer: [200, { data: [] }],
		output: [{ contactId: '123', offers: [] }],
	},
	{
		name: 'offer replace patches the relationship',
		parameters: {
			resource: 'contactOffer',
			operation: 'replace',
			contactId: '123',
			offerIds: ['6', '7'],
		},
		request: {
			method: 'PATCH',
			path: '/v1/contacts/123/relationships/offers',
			body: {
				data: [
					{ type: 'offers', id: '6' },
					{ type: 'offers', id: '7' },
				],
			},
		},
		answer: [
			200,
			{
				data: [
					{ type: 'offers', id: '6' },
					{ type: 'offers', id: '7' },
				],
			},
		],
		output: (json) => expect(json[0].offers).toHaveLength(2),
	},
	{
		name: "a contact's offers come one item per offer",
		parameters: { resource: 'contactOffer', operation: 'getMany', contactId: '123' },
		request: { method: 'GET', path: '/v1/contacts/123/relationships/offers' },
		answer: [200, { data: [{ type: 'offers', id: '6' }] }],
		output: [{ id: '6', type: 'offers' }],
	},
	// Customers and their offers
	{
		name: 'customer get with offers included and filtered',
		parameters: {
			resource: 'customer',
			operation: 'get',
			customerId: '321',
			filters: { offersSearch: 'gold' },
			options: { include: ['offers'] },
		},
		request: {
			method: 'GET',
			path: '/v1/customers/321',
			query: { include: 'offers', 'filter[offers_search]': 'gold' },
		},
		answer: [200, one('customers', '321', { name: 'John Smith', net_revenue: '10.0' })],
		output: [{ id: '321', type: 'customers', name: 'John Smith', net_revenue: '10.0' }],
	},
	{
		name: 'customer get many sorts by net revenue',
		parameters: {
			resource: 'customer',
			operation: 'getMany',
			limit: 5,
			filters: { netRevenueGreaterThan: 100 },
			options: { sort: '-net_revenue' },
		},
		request: {
			method: 'GET',
			path: '/v1/customers',
			query: { 'filter[net_revenue_greater_than]': '100', sort: '-net_revenue', 'page[size]': '5' },
		},
		answer: [200, many('customers', [['321', { name: 'Big Spender' }]])],
		output: [{ id: '321', type: 'customers', name: 'Big Spender' }],
	},
	{
		name: 'customer offer grant',
		parameters: {
			resource: 'customerOffer',
			operation: 'grant',
			customerId: '321',
			offerIds: ['5'],
		},
		request: {
			method: 'POST',
			path: '/v1/customers/321/relationships/offers',
			body: { data: [{ type: 'offers', id: '5' }] },
		},
		answer: [200, { data: [{ type: 'offers', id: '5' }] }],
		output: [{ customerId: '321', offers: [{ id: '5', type: 'offers' }] }],
	},
	{
		name: 'customer offer revoke',
		parameters: {
			resource: 'customerOffer',
			operation: 'revoke',
			customerId: '321',
			offerIds: ['5'],
		},
		request: {
			method: 'DELETE',
			path: '/v1/customers/321/relationships/offers',
			body: { data: [{ type: 'offers', id: '5' }] },
		},
		answer: [200, { data: [] }],
		output: [{ customerId: '321', offers: [] }],
	},
	{
		name: 'customer offer replace',
		parameters: {
			resource: 'customerOffer',
			operation: 'replace',
			customerId: '321',
			offerIds: ['5'],
		},
		request: {
			method: 'PATCH',
			path: '/v1/customers/321/relationships/offers',
			body: { data: [{ type: 'offers', id: '5' }] },
		},
		answer: [200, { data: [{ type: 'offers', id: '5' }] }],
		output: [{ customerId: '321', offers: [{ id: '5', type: 'offers' }] }],
	},
	{
		name: "a customer's offers",
		parameters: { resource: 'customerOffer', operation: 'getMany', customerId: '321' },
		request: { method: 'GET', path: '/v1/customers/321/relationships/offers' },
		answer: [200, { data: [{ type: 'offers', id: '5' }] }],
		output: [{ id: '5', type: 'offers' }],
	},
	// Purchases
	{
		name: 'purchase get',
		parameters: { resource: 'purchase', operation: 'get', purchaseId: '77' },
		request: { method: 'GET', path: '/v1/purchases/77' },
		answer: [200, one('purchases', '77', { amount_in_cents: 9900 })],
		output: [{ id: '77', type: 'purchases', amount_in_cents: 9900 }],
	},
	{
		name: 'purchase get many filters active purchases of a customer',
		parameters: {
			resource: 'purchase',
			operation: 'getMany',
			limit: 10,
			filters: { customerId: '321', active: true, couponCodeEq: 'SPRING' },
		},
		request: {
			method: 'GET',
			path: '/v1/purchases',
			query: {
				'filter[customer_id]': '321',
				'filter[active]': 'true',
				'filter[coupon_code_eq]': 'SPRING',
				'page[size]': '10',
			},
		},
		answer: [200, many('purchases', [['77', { amount_in_cents: 9900 }]])],
		output: [{ id: '77', type: 'purchases', amount_in_cents: 9900 }],
	},
	...(['reactivate', 'deactivate', 'cancel_subscription'] as const).map(
		(action): Case => ({
			name: `purchase ${action}`,
			parameters: {
				resource: 'purchase',
				operation: action === 'cancel_subscription' ? 'cancelSubscription' : action,
				purchaseId: '77',
			},
			request: { method: 'POST', path: `/v1/purchases/77/${action}` },
			answer: [200, one('purchases', '77', { deactivated_at: null })],
			output: [{ id: '77', type: 'purchases', deactivated_at: null }],
		}),
	),
	// Transactions, orders, order items
	{
		name: 'transaction get includes the customer',
		parameters: {
			resource: 'transaction',
			operation: 'get',
			transactionId: '88',
			options: { include: ['customer'] },
		},
		request: { method: 'GET', path: '/v1/transactions/88', query: { include: 'customer' } },
		answer: [200, one('transactions', '88', { amount_in_cents: 4900 })],
		output: [{ id: '88', type: 'transactions', amount_in_cents: 4900 }],
	},
	{
		name: 'transaction get many sends dates as days',
		parameters: {
			resource: 'transaction',
			operation: 'getMany',
			limit: 3,
			filters: {
				startDate: '2024-12-01T00:00:00',
				endDate: '2024-12-31T23:59:59',
				nameOrEmail: 'John',
			},
		},
		request: {
			method: 'GET',
			path: '/v1/transactions',
			query: {
				'filter[start_date]': '2024-12-01',
				'filter[end_date]': '2024-12-31',
				'filter[name_or_email]': 'John',
				'page[size]': '3',
			},
		},
		answer: [200, many('transactions', [['88', { amount_in_cents: 4900 }]])],
		output: [{ id: '88', type: 'transactions', amount_in_cents: 4900 }],
	},
	{
		name: 'order get',
		parameters: {
			resource: 'order',
			operation: 'get',
			orderId: '99',
			options: { include: ['order_items'] },
		},
		request: { method: 'GET', path: '/v1/orders/99', query: { include: 'order_items' } },
		answer: [200, one('orders', '99', { order_number: 1001 })],
		output: [{ id: '99', type: 'orders', order_number: 1001 }],
	},
	{
		name: 'order get many finds unfulfilled orders',
		parameters: {
			resource: 'order',
			operation: 'getMany',
			limit: 50,
			filters: { fulfilledAtNull: true },
		},
		request: {
			method: 'GET',
			path: '/v1/orders',
			query: { 'filter[fulfilled_at_null]': 'true', 'page[size]': '50' },
		},
		answer: [200, many('orders', [['99', { order_number: 1001 }]])],
		output: [{ id: '99', type: 'orders', order_number: 1001 }],
	},
	{
		name: 'order item get',
		parameters: { resource: 'orderItem', operation: 'get', orderItemId: '100' },
		request: { method: 'GET', path: '/v1/order_items/100' },
		answer: [200, one('order_items', '100', { quantity: 2 })],
		output: [{ id: '100', type: 'order_items', quantity: 2 }],
	},
	{
		name: 'order item get many',
		parameters: {
			resource: 'orderItem',
			operation: 'getMany',
			limit: 50,
			filters: { itemTypeEq: 'Offer' },
		},
		request: {
			method: 'GET',
			path: '/v1/order_items',
			query: { 'filter[item_type_eq]': 'Offer', 'page[size]': '50' },
		},
		answer: [200, many('order_items', [['100', { quantity: 2 }]])],
		output: [{ id: '100', type: 'order_items', quantity: 2 }],
	},
	// Offers, products, courses
	{
		name: 'offer get includes products',
		parameters: {
			resource: 'offer',
			operation: 'get',
			offerId: id('5'),
			options: { include: ['products'] },
		},
		request: { method: 'GET', path: '/v1/offers/5', query: { include: 'products' } },
		answer: [200, one('offers', '5', { title: 'Gold', price_in_cents: 19900 })],
		output: [{ id: '5', type: 'offers', title: 'Gold', price_in_cents: 19900 }],
	},
	{
		name: 'offer get many searches titles',
		parameters: {
			resource: 'offer',
			operation: 'getMany',
			limit: 50,
			filters: { titleCont: 'Gold' },
		},
		request: {
			method: 'GET',
			path: '/v1/offers',
			query: { 'filter[title_cont]': 'Gold', 'page[size]': '50' },
		},
		answer: [200, many('offers', [['5', { title: 'Gold' }]])],
		output: [{ id: '5', type: 'offers', title: 'Gold' }],
	},
	{
		name: "an offer's products come one item per product",
		parameters: { resource: 'offer', operation: 'getProducts', offerId: id('5') },
		request: { method: 'GET', path: '/v1/offers/5/relationships/products' },
		answer: [200, { data: [{ type: 'products', id: '31' }] }],
		output: [{ id: '31', type: 'products' }],
	},
	{
		name: 'product get',
		parameters: { resource: 'product', operation: 'get', productId: '31' },
		request: { method: 'GET', path: '/v1/products/31' },
		answer: [200, one('products', '31', { title: 'Masterclass' })],
		output: [{ id: '31', type: 'products', title: 'Masterclass' }],
	},
	{
		name: 'product get many repeats the excluded types',
		parameters: {
			resource: 'product',
			operation: 'getMany',
			limit: 50,
			excludeProductTypes: 'Courses::CohortCourse, Podcast',
			filters: { statusEq: 'ready' },
		},
		request: {
			method: 'GET',
			path: '/v1/products',
			query: {
				'filter[status_eq]': 'ready',
				'filter[exclude_product_types][]': ['Courses::CohortCourse', 'Podcast'],
				'page[size]': '50',
			},
		},
		answer: [200, many('products', [['31', { title: 'Masterclass' }]])],
		output: [{ id: '31', type: 'products', title: 'Masterclass' }],
	},
	{
		name: 'course get includes modules and lessons',
		parameters: {
			resource: 'course',
			operation: 'get',
			courseId: '41',
			options: { include: ['modules', 'lessons'] },
		},
		request: { method: 'GET', path: '/v1/courses/41', query: { include: 'modules,lessons' } },
		answer: [200, one('courses', '41', { title: 'Course' })],
		output: [{ id: '41', type: 'courses', title: 'Course' }],
	},
	{
		name: 'course get many',
		parameters: {
			resource: 'course',
			operation: 'getMany',
			limit: 50,
			filters: { publishStatusEq: 'published' },
		},
		request: {
			method: 'GET',
			path: '/v1/courses',
			query: { 'filter[publish_status_eq]': 'published', 'page[size]': '50' },
		},
		answer: [200, many('courses', [['41', { title: 'Course' }]])],
		output: [{ id: '41', type: 'courses', title: 'Course' }],
	},
	// Forms and submissions
	{
		name: 'form get includes fields, offer and tags',
		parameters: {
			resource: 'form',
			operation: 'get',
			formId: id('123'),
			options: { include: ['fields', 'offer', 'contact_tags'] },
		},
		request: {
			method: 'GET',
			path: '/v1/forms/123',
			query: { include: 'fields,offer,contact_tags' },
		},
		answer: [200, formShow],
		output: (json) =>
			expect(json[0]).toMatchObject({
				title: 'Contact Form',
				offer: { id: '123', name: 'Offer A' },
			}),
	},
	{
		name: 'form get many',
		parameters: { resource: 'form', operation: 'getMany', siteId: id('11'), limit: 50 },
		request: {
			method: 'GET',
			path: '/v1/forms',
			query: { 'filter[site_id]': '11', 'page[size]': '50' },
		},
		answer: [200, many('forms', [['123', { title: 'Contact Form' }]])],
		output: [{ id: '123', type: 'forms', title: 'Contact Form' }],
	},
	{
		name: 'form submit posts the person',
		parameters: {
			resource: 'form',
			operation: 'submit',
			formId: id('15'),
			name: 'John Doe',
			email: 'john.doe@example.com',
		},
		request: { method: 'POST', path: '/v1/forms/15/submit', body: formSubmitRequest },
		answer: [201, formSubmitResponse],
		output: (json) =>
			expect(json[0]).toMatchObject({
				id: '313',
				form: { id: '15' },
				email: 'john.doe@example.com',
			}),
	},
	{
		name: 'form submission get',
		parameters: {
			resource: 'formSubmission',
			operation: 'get',
			formSubmissionId: '313',
			options: { include: ['form'] },
		},
		request: { method: 'GET', path: '/v1/form_submissions/313', query: { include: 'form' } },
		answer: [200, one('form_submissions', '313', { email: 'john.doe@example.com' })],
		output: [{ id: '313', type: 'form_submissions', email: 'john.doe@example.com' }],
	},
	{
		name: 'form submission get many of one form',
		parameters: {
			resource: 'formSubmission',
			operation: 'getMany',
			limit: 50,
			filters: { formId: '15' },
		},
		request: {
			method: 'GET',
			path: '/v1/form_submissions',
			query: { 'filter[form_id]': '15', 'page[size]': '50' },
		},
		answer: [200, many('form_submissions', [['313', { email: 'john.doe@example.com' }]])],
		output: [{ id: '313', type: 'form_submissions', email: 'john.doe@example.com' }],
	},
	// Custom fields and sites
	{
		name: 'custom field get',
		parameters: { resource: 'customField', operation: 'get', customFieldId: id('123') },
		request: { method: 'GET', path: '/v1/custom_fields/123' },
		answer: [200, { data: customFieldsList.data[0] }],
		output: (json) => expect(json[0]).toMatchObject({ handle: 'custom_1', title: 'Favorite Song' }),
	},
	{
		name: 'custom field get many',
		parameters: {
			resource: 'customField',
			operation: 'getMany',
			siteId: id('123'),
			returnAll: true,
		},
		request: {
			method: 'GET',
			path: '/v1/custom_fields',
			query: { 'filter[site_id]': '123', 'page[size]': '100' },
		},
		answer: [200, customFieldsList],
		output: (json) => expect(json.map((field) => field.handle)).toEqual(['custom_1']),
	},
	{
		name: 'site get',
		parameters: { resource: 'site', operation: 'get', siteId: id('11') },
		request: { method: 'GET', path: '/v1/sites/11' },
		answer: [200, one('sites', '11', { title: 'Academy' })],
		output: [{ id: '11', type: 'sites', title: 'Academy' }],
	},
	{
		name: 'site get many',
		parameters: {
			resource: 'site',
			operation: 'getMany',
			limit: 50,
			filters: { subdomainCont: 'acad' },
		},
		request: {
			method: 'GET',
			path: '/v1/sites',
			query: { 'filter[subdomain_cont]': 'acad', 'page[size]': '50' },
		},
		answer: [200, many('sites', [['11', { title: 'Academy' }]])],
		output: [{ id: '11', type: 'sites', title: 'Academy' }],
	},
	// Contact notes
	{
		name: 'note create relates the note to the contact',
		parameters: {
			resource: 'contactNote',
			operation: 'create',
			contactId: '123',
			body: 'Called, wants a demo.',
		},
		request: {
			method: 'POST',
			path: '/v1/contact_notes',
			body: {
				data: {
					type: 'contact_notes',
					attributes: { body: 'Called, wants a demo.' },
					relationships: { contact: { data: { type: 'contacts', id: '123' } } },
				},
			},
		},
		answer: [201, one('contact_notes', '61', { body: 'Called, wants a demo.' })],
		output: [{ id: '61', type: 'contact_notes', body: 'Called, wants a demo.' }],
	},
	{
		name: 'note get',
		parameters: {
			resource: 'contactNote',
			operation: 'get',
			noteId: '61',
			options: { include: ['contact'] },
		},
		request: { method: 'GET', path: '/v1/contact_notes/61', query: { include: 'contact' } },
		answer: [200, one('contact_notes', '61', { body: 'Hi' })],
		output: [{ id: '61', type: 'contact_notes', body: 'Hi' }],
	},
	{
		name: 'note get many of one contact, newest first',
		parameters: {
			resource: 'contactNote',
			operation: 'getMany',
			limit: 50,
			filters: { contactId: '123' },
			options: { sort: '-created_at' },
		},
		request: {
			method: 'GET',
			path: '/v1/contact_notes',
			query: { 'filter[contact_id]': '123', sort: '-created_at', 'page[size]': '50' },
		},
		answer: [200, many('contact_notes', [['61', { body: 'Hi' }]])],
		output: [{ id: '61', type: 'contact_notes', body: 'Hi' }],
	},
	{
		name: 'note update',
		parameters: {
			resource: 'contactNote',
			operation: 'update',
			noteId: '61',
			body: 'Demo booked.',
		},
		request: {
			method: 'PATCH',
			path: '/v1/contact_notes/61',
			body: { data: { id: '61', type: 'contact_notes', attributes: { body: 'Demo booked.' } } },
		},
		answer: [200, one('contact_notes', '61', { body: 'Demo booked.' })],
		output: [{ id: '61', type: 'contact_notes', body: 'Demo booked.' }],
	},
	{
		name: 'note delete',
		parameters: { resource: 'contactNote', operation: 'delete', noteId: '61' },
		request: { method: 'DELETE', path: '/v1/contact_notes/61' },
		answer: [200],
		output: [{ deleted: true, id: '61' }],
	},
	// Hooks
	{
		name: 'hook create for one tag sends the resource ID as the number the spec asks for',
		parameters: {
			resource: 'hook',
			operation: 'create',
			siteId: id('456'),
			event: 'tag_added',
			targetUrl: 'https://example.com/webhook',
			resourceId: '123',
		},
		request: {
			method: 'POST',
			path: '/v1/hooks',
			body: {
				data: {
					type: 'hooks',
					attributes: {
						event: 'tag_added',
						target_url: 'https://example.com/webhook',
						resource_id: 123,
					},
					relationships: { site: { data: { type: 'sites', id: '456' } } },
				},
			},
		},
		answer: [
			201,
			one('hooks', '71', {
				event: 'tag_added',
				target_url: 'https://example.com/webhook',
				resource_id: 123,
			}),
		],
		output: [
			{
				id: '71',
				type: 'hooks',
				event: 'tag_added',
				target_url: 'https://example.com/webhook',
				resource_id: 123,
			},
		],
	},
	{
		name: 'hook create without a resource is a wildcard',
		parameters: {
			resource: 'hook',
			operation: 'create',
			siteId: id('456'),
			event: 'purchase',
			targetUrl: 'https://example.com/webhook',
		},
		request: {
			method: 'POST',
			path: '/v1/hooks',
			body: {
				data: {
					type: 'hooks',
					attributes: { event: 'purchase', target_url: 'https://example.com/webhook' },
					relationships: { site: { data: { type: 'sites', id: '456' } } },
				},
			},
		},
		answer: [
			201,
			one('hooks', '72', { event: 'purchase', target_url: 'https://example.com/webhook' }),
		],
		output: (json) => expect(json[0]).toMatchObject({ id: '72', event: 'purchase' }),
	},
	{
		name: 'hook get',
		parameters: { resource: 'hook', operation: 'get', hookId: '71' },
		request: { method: 'GET', path: '/v1/hooks/71' },
		answer: [
			200,
			one('hooks', '71', { event: 'tag_added', target_url: 'https://example.com/webhook' }),
		],
		output: (json) => expect(json[0]).toMatchObject({ id: '71', event: 'tag_added' }),
	},
	{
		name: 'hook get many filters by event',
		parameters: {
			resource: 'hook',
			operation: 'getMany',
			limit: 50,
			filters: { eventEq: 'purchase' },
		},
		request: {
			method: 'GET',
			path: '/v1/hooks',
			query: { 'filter[event_eq]': 'purchase', 'page[size]': '50' },
		},
		answer: [
			200,
			many('hooks', [['72', { event: 'purchase', target_url: 'https://example.com/webhook' }]]),
		],
		output: (json) => expect(json[0]).toMatchObject({ id: '72', event: 'purchase' }),
	},
	{
		name: 'hook delete takes a 204',
		parameters: { resource: 'hook', operation: 'delete', hookId: '71' },
		request: { method: 'DELETE', path: '/v1/hooks/71' },
		answer: [204],
		output: [{ deleted: true, id: '71' }],
	},
	...(
		[
			'tag_added',
			'tag_removed',
			'form_submission',
			'purchase',
			'payment_succeeded',
			'order_created',
		] as const
	).map(
		(event): Case => ({
			name: `hook sample of ${event}`,
			parameters: { resource: 'hook', operation: 'getSample', event },
			request: { method: 'GET', path: `/v1/hooks/${event}_sample` },
			answer: [200, tagAddedSample],
			output: (json) => expect(json.map((item) => item.type)).toEqual(['contacts', 'contact_tags']),
		}),
	),
	// Kajabi Payments payouts
	{
		name: 'payout get names the site, as Kajabi requires',
		parameters: {
			resource: 'payout',
			operation: 'get',
			payoutId: 'payout_abc123',
			siteId: id('11'),
		},
		request: {
			method: 'GET',
			path: '/v1/kajabi_payments_payouts/payout_abc123',
			query: { 'filter[site_id]': '11' },
		},
		answer: [
			200,
			one('kajabi_payments_payouts', 'payout_abc123', { status: 'Paid', amount: 1450.5 }),
		],
		output: [
			{ id: 'payout_abc123', type: 'kajabi_payments_payouts', status: 'Paid', amount: 1450.5 },
		],
	},
	{
		name: 'payout get many sends no page size, which this list does not take',
		parameters: {
			resource: 'payout',
			operation: 'getMany',
			siteId: id('11'),
			limit: 50,
			filters: { status: 'paid' },
		},
		request: {
			method: 'GET',
			path: '/v1/kajabi_payments_payouts',
			query: { 'filter[site_id]': '11', 'filter[status]': 'paid' },
		},
		answer: [200, many('kajabi_payments_payouts', [['payout_abc123', { status: 'Paid' }]])],
		output: [{ id: 'payout_abc123', type: 'kajabi_payments_payouts', status: 'Paid' }],
	},
	// Site content
	{
		name: 'landing page get',
		parameters: {
			resource: 'landingPage',
			operation: 'get',
			landingPageId: '81',
			options: { fields: 'title' },
		},
		request: {
			method: 'GET',
			path: '/v1/landing_pages/81',
			query: { 'fields[landing_pages]': 'title' },
		},
		answer: [200, one('landing_pages', '81', { title: 'Launch' })],
		output: [{ id: '81', type: 'landing_pages', title: 'Launch' }],
	},
	{
		name: 'landing page get many, published only',
		parameters: {
			resource: 'landingPage',
			operation: 'getMany',
			limit: 50,
			filters: { published: true },
		},
		request: {
			method: 'GET',
			path: '/v1/landing_pages',
			query: { 'filter[published]': 'true', 'page[size]': '50' },
		},
		answer: [200, many('landing_pages', [['81', { title: 'Launch' }]])],
		output: [{ id: '81', type: 'landing_pages', title: 'Launch' }],
	},
	{
		name: 'blog post get',
		parameters: { resource: 'blogPost', operation: 'get', blogPostId: '82' },
		request: { method: 'GET', path: '/v1/blog_posts/82' },
		answer: [200, one('blog_posts', '82', { title: 'Hello' })],
		output: [{ id: '82', type: 'blog_posts', title: 'Hello' }],
	},
	{
		name: 'blog post get many',
		parameters: {
			resource: 'blogPost',
			operation: 'getMany',
			limit: 50,
			options: { sort: '-title' },
		},
		request: {
			method: 'GET',
			path: '/v1/blog_posts',
			query: { sort: '-title', 'page[size]': '50' },
		},
		answer: [200, many('blog_posts', [['82', { title: 'Hello' }]])],
		output: [{ id: '82', type: 'blog_posts', title: 'Hello' }],
	},
	{
		name: 'website page get',
		parameters: { resource: 'websitePage', operation: 'get', websitePageId: '83' },
		request: { method: 'GET', path: '/v1/website_pages/83' },
		answer: [200, one('website_pages', '83', { title: 'About' })],
		output: [{ id: '83', type: 'website_pages', title: 'About' }],
	},
	{
		name: 'website page get many',
		parameters: { resource: 'websitePage', operation: 'getMany', limit: 50 },
		request: { method: 'GET', path: '/v1/website_pages', query: { 'page[size]': '50' } },
		answer: [200, many('website_pages', [['83', { title: 'About' }]])],
		output: [{ id: '83', type: 'website_pages', title: 'About' }],
	},
	{
		name: 'podcast get',
		parameters: { resource: 'podcast', operation: 'get', podcastId: '84' },
		request: { method: 'GET', path: '/v1/podcasts/84' },
		answer: [200, one('podcasts', '84', { title: 'Show' })],
		output: [{ id: '84', type: 'podcasts', title: 'Show' }],
	},
	{
		name: 'podcast get many',
		parameters: {
			resource: 'podcast',
			operation: 'getMany',
			limit: 50,
			filters: { showTypeEq: 'serial' },
		},
		request: {
			method: 'GET',
			path: '/v1/podcasts',
			query: { 'filter[show_type_eq]': 'serial', 'page[size]': '50' },
		},
		answer: [200, many('podcasts', [['84', { title: 'Show' }]])],
		output: [{ id: '84', type: 'podcasts', title: 'Show' }],
	},
	// Account
	{
		name: 'me',
		parameters: { resource: 'me', operation: 'get' },
		request: { method: 'GET', path: '/v1/me' },
		answer: [200, one('users', '1', { name: 'Owner', email: 'owner@example.com' })],
		output: [{ id: '1', type: 'users', name: 'Owner', email: 'owner@example.com' }],
	},
	{
		name: 'version comes back whole',
		parameters: { resource: 'version', operation: 'get' },
		request: { method: 'GET', path: '/v1/version' },
		answer: [200, { meta: { title: 'Kajabi API', version: '1.1.0' }, jsonapi: { version: '1.0' } }],
		output: [{ meta: { title: 'Kajabi API', version: '1.1.0' }, jsonapi: { version: '1.0' } }],
	},
];

const covered = new Set<string>();

describe.each(cases)('$name', (spec) => {
	let kajabi: FakeKajabi;

	beforeEach(() => {
		kajabi = new FakeKajabi().on(spec.request.method, spec.request.path, spec.answer);
	});

	afterEach(() => kajabi.stop());

	test('sends the request Kajabi documents and shapes the answer', async () => {
		const run = await runKajabiNode({
			parameters: spec.parameters,
			credentials: kajabi.credential(),
		});

		expect(run.error).toBeUndefined();
		expect(kajabi.requests).toHaveLength(1);
		const [request] = kajabi.requests;
		expect(request.method).toBe(spec.request.method);
		expect(request.path).toBe(spec.request.path);
		expect(request.query).toEqual(spec.request.query ?? {});
		expect(request.body).toEqual(spec.request.body);
		expect(request.token).toBe('token-1');
		if (spec.request.body !== undefined)
			expect(request.contentType).toBe('application/vnd.api+json');

		const outcome = kajabiContract().validateRequest({
			method: request.method,
			path: request.path,
			query: new URLSearchParams(request.rawQuery),
			headers: { Authorization: `Bearer ${request.token}` },
			body: request.body,
			contentType: request.contentType,
		});
		expect(outcome.errors).toEqual([]);
		covered.add(outcome.operation ?? '');

		if (typeof spec.output === 'function') spec.output(run.json);
		else expect(run.json).toEqual(spec.output);
		expect(run.items.every((item, index) => item.pairedItem !== undefined && index >= 0)).toBe(
			true,
		);
	});
});

test('the operations above reach every endpoint of the spec but the token endpoint', () => {
	const expected = kajabiContract()
		.operations.map((operation) => operation.key)
		.filter((key) => key !== 'POST /v1/oauth/token' && key !== 'POST /v1/oauth/revoke');
	const missing = expected.filter((key) => !covered.has(key));
	expect(missing).toEqual([]);
});
