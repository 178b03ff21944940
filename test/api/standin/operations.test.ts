import { createKajabiStandIn, ROUTES, SEEDED_KEYS } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { API_EVENTS, fixtureJson, payloadArrayFile } from '../../helpers/fixtures';
import { kajabiContract, listOperations, loadKajabiSpec } from '../contract/openApiContract';
import { KajabiTestClient } from './kajabiTestClient';

/**
 * One successful call to each of the 77 operations in Kajabi's spec, every answer checked
 * against the spec by the client, and a last test that proves none was left out.
 */

let standIn: KajabiStandIn;
let api: KajabiTestClient;

beforeAll(async () => {
	standIn = await createKajabiStandIn();
	api = new KajabiTestClient(standIn.url);
	await api.authenticate();
});

afterAll(async () => {
	await standIn.close();
});

const SITE = '101';

describe('account and sites', () => {
	it('answers GET /v1/version without a token', async () => {
		const response = await api.get('/v1/version', { token: null });

		expect(response.status).toBe(200);
		expect(response.body.meta.version).toBe('1.1.0');
		expect(response.body.jsonapi.version).toBe('1.0');
	});

	it('answers GET /v1/me with the key owner and their initials', async () => {
		const response = await api.get('/v1/me');

		expect(response.body.data.attributes).toEqual({
			initials: 'ML',
			name: 'Morgan Lee',
			email: 'morgan.lee@example.com',
			role_level: 'OWNER',
		});
	});

	it('lists both sites and shows one', async () => {
		const list = await api.get('/v1/sites');
		const one = await api.get('/v1/sites/102');

		expect(list.body.data.map((site: any) => site.attributes.title)).toEqual([
			'Northwind Coaching',
			'Harbor Yoga Studio',
		]);
		expect(one.body.data).toMatchObject({
			id: '102',
			type: 'sites',
			attributes: { subdomain: 'harbor-yoga' },
		});
	});
});

describe('contacts', () => {
	it('lists a site’s contacts newest first with paging meta', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'page[size]': 5 },
		});

		expect(response.body.data).toHaveLength(5);
		expect(response.body.data[0].id).toBe('5024');
		expect(response.body.meta).toEqual({ total_pages: 5, total_count: 24, current_page: 1 });
	});

	it('creates a contact on a site and answers 201 with the new resource', async () => {
		const response = await api.post('/v1/contacts', {
			body: {
				data: {
					type: 'contacts',
					attributes: {
						name: 'Pat Rivera',
						email: 'Pat.Rivera@example.com',
						phone_number: '+1 555 010 2001',
					},
					relationships: { site: { data: { type: 'sites', id: SITE } } },
				},
			},
		});

		expect(response.status).toBe(201);
		expect(response.body.data.attributes).toMatchObject({
			name: 'Pat Rivera',
			email: 'Pat.Rivera@example.com',
			phone_number: '+1 555 010 2001',
			subscribed: false,
			external_user_id: null,
			custom_1: null,
		});
		expect(response.body.data.relationships.site.data).toEqual({ id: SITE, type: 'sites' });
	});

	it('shows a contact with its offers, tags and customer included', async () => {
		const response = await api.get('/v1/contacts/5001', {
			query: { include: 'offers,tags,customer' },
		});

		expect(response.body.data.relationships.customer.data).toEqual({
			id: '8001',
			type: 'customers',
		});
		const included = response.body.included.map((entry: any) => `${entry.type}:${entry.id}`);
		expect(included).toEqual([
			'offers:4002',
			'offers:4001',
			'contact_tags:3001',
			'contact_tags:3003',
			'contact_tags:3004',
			'customers:8001',
		]);
	});

	it('updates a contact’s phone number', async () => {
		const response = await api.patch('/v1/contacts/5004', {
			body: { data: { type: 'contacts', id: '5004', attributes: { phone_number: '12134567890' } } },
		});

		expect(response.body.data.attributes.phone_number).toBe('12134567890');
	});

	it('deletes a contact without a live subscription', async () => {
		const response = await api.delete('/v1/contacts/5024');

		expect(response.status).toBe(200);
		expect((await api.get('/v1/contacts/5024')).status).toBe(404);
	});
});

describe('contact tags and their relationship to contacts', () => {
	it('lists tag names of a site and shows one tag', async () => {
		const list = await api.get('/v1/contact_tags', { query: { 'filter[site_id]': '102' } });
		const one = await api.get('/v1/contact_tags/3004');

		expect(list.body.data.map((tag: any) => tag.attributes.name)).toEqual(['Student', 'Waitlist']);
		expect(one.body.data.attributes.name).toBe('VIP');
	});

	it('lists, adds, removes and replaces a contact’s tags', async () => {
		const path = '/v1/contacts/5002/relationships/tags';
		const ids = (response: any) => response.body.data.map((tag: any) => tag.id);

		expect(ids(await api.get(path))).toEqual(['3001', '3002']);
		const added = await api.post(path, { body: { data: [{ type: 'contact_tags', id: '3005' }] } });
		expect(ids(added)).toEqual(['3001', '3002', '3005']);
		const removed = await api.delete(path, {
			body: { data: [{ type: 'contact_tags', id: '3001' }] },
		});
		expect(ids(removed)).toEqual(['3002', '3005']);
		const replaced = await api.patch(path, {
			body: {
				data: [
					{ type: 'contact_tags', id: '3004' },
					{ type: 'contact_tags', id: '3005' },
				],
			},
		});
		expect(ids(replaced)).toEqual(['3005', '3004']);
	});
});

describe('offers granted to contacts and customers', () => {
	const ids = (response: any) => response.body.data.map((offer: any) => offer.id);

	it('lists, grants, revokes and replaces a contact’s offers', async () => {
		const path = '/v1/contacts/5010/relationships/offers';

		expect(ids(await api.get(path))).toEqual([]);
		const granted = await api.post(path, {
			body: {
				data: [{ type: 'offers', id: '4001' }],
				meta: { send_customer_welcome_email: false },
			},
		});
		expect(ids(granted)).toEqual(['4001']);
		const replaced = await api.patch(path, {
			body: {
				data: [
					{ type: 'offers', id: '4002' },
					{ type: 'offers', id: '4004' },
				],
			},
		});
		expect(ids(replaced)).toEqual(['4002', '4004']);
		const revoked = await api.delete(path, { body: { data: [{ type: 'offers', id: '4004' }] } });
		expect(ids(revoked)).toEqual(['4002']);
	});

	it('lists, grants, revokes and replaces a customer’s offers', async () => {
		const path = '/v1/customers/8004/relationships/offers';

		expect(ids(await api.get(path))).toEqual(['4001']);
		expect(ids(await api.post(path, { body: { data: [{ type: 'offers', id: '4004' }] } }))).toEqual(
			['4001', '4004'],
		);
		expect(
			ids(await api.delete(path, { body: { data: [{ type: 'offers', id: '4001' }] } })),
		).toEqual(['4004']);
		expect(
			ids(await api.patch(path, { body: { data: [{ type: 'offers', id: '4002' }] } })),
		).toEqual(['4002']);
	});
});

describe('customers', () => {
	it('lists customers of a site with net revenue', async () => {
		const response = await api.get('/v1/customers', {
			query: { 'filter[site_id]': SITE, sort: '-net_revenue' },
		});

		expect(response.body.data[0].attributes).toMatchObject({
			name: 'Mia Johnson',
			net_revenue: '546.0',
		});
	});

	it('shows a customer with contact, offers and products included', async () => {
		const response = await api.get('/v1/customers/8001', {
			query: { include: 'contact,offers,products' },
		});

		expect(response.body.data.attributes).toMatchObject({
			email: 'ava.martinez@example.com',
			sign_in_count: 14,
			external_user_id: 'crm-0001',
		});
		expect(response.body.included.map((entry: any) => entry.type)).toEqual([
			'contacts',
			'offers',
			'offers',
			'products',
			'products',
		]);
	});
});

describe('purchases, transactions, orders and order items', () => {
	it('lists active purchases and shows one', async () => {
		const list = await api.get('/v1/purchases', {
			query: { 'filter[customer_id]': '8001', 'filter[active]': true },
		});
		const one = await api.get('/v1/purchases/9001');

		expect(list.body.data.map((purchase: any) => purchase.id)).toEqual(['9002', '9001']);
		expect(one.body.data.attributes.amount_in_cents).toBe(49700);
		expect(one.body.data.relationships.offer.data).toEqual({ id: '4002', type: 'offers' });
	});

	it('deactivates and reactivates a purchase', async () => {
		const deactivated = await api.post('/v1/purchases/9005/deactivate');
		const reactivated = await api.post('/v1/purchases/9005/reactivate');

		expect(deactivated.body.data.attributes.deactivated_at).not.toBeNull();
		expect(reactivated.body.data.attributes.deactivated_at).toBeNull();
	});

	it('cancels a live subscription, which deactivates its purchase', async () => {
		const response = await api.post('/v1/purchases/9004/cancel_subscription');

		expect(response.body.data.attributes.deactivation_reason).toBe('subscription_canceled');
	});

	it('lists transactions by customer and shows one with its customer and purchases', async () => {
		const list = await api.get('/v1/transactions', { query: { 'filter[customer_id]': '8002' } });
		const one = await api.get('/v1/transactions/9505', {
			query: { include: 'customer,purchases' },
		});

		expect(
			list.body.data.map((transaction: any) => transaction.attributes.formatted_amount),
		).toEqual(['-$49.00', '$49.00']);
		expect(one.body.data.relationships.offer.data).toBeNull();
		expect(one.body.included.map((entry: any) => `${entry.type}:${entry.id}`)).toEqual([
			'customers:8005',
			'purchases:9006',
			'purchases:9007',
		]);
	});

	it('lists orders and shows one with its items', async () => {
		const list = await api.get('/v1/orders', { query: { 'filter[order_number_eq]': '1002' } });
		const one = await api.get('/v1/orders/9702', { query: { include: 'order_items' } });

		expect(list.body.data.map((order: any) => order.id)).toEqual(['9702']);
		expect(one.body.included.map((item: any) => item.attributes.title)).toEqual([
			'Coaching Program',
			'Workshop Replay',
		]);
	});

	it('lists order items of one offer and shows one with its order', async () => {
		const list = await api.get('/v1/order_items', { query: { 'filter[item_id_eq]': '4004' } });
		const one = await api.get('/v1/order_items/9801', { query: { include: 'order' } });

		expect(list.body.data.map((item: any) => item.id)).toEqual(['9803']);
		expect(one.body.included[0]).toMatchObject({
			id: '9701',
			type: 'orders',
			attributes: { order_number: 1001 },
		});
	});
});

describe('offers, products and courses', () => {
	it('lists offers, shows one with its products, and lists its product ids', async () => {
		const list = await api.get('/v1/offers', { query: { 'filter[title_cont]': 'coaching' } });
		const one = await api.get('/v1/offers/4003', { query: { include: 'products' } });
		const products = await api.get('/v1/offers/4003/relationships/products');

		expect(list.body.data.map((offer: any) => offer.attributes.title)).toEqual([
			'Coaching Program',
		]);
		expect(one.body.data.attributes).toMatchObject({ subscription: true, price_in_cents: 2900 });
		expect(one.body.included.map((product: any) => product.attributes.title)).toEqual([
			'Inner Circle Community',
			'Coaching Program',
		]);
		expect(products.body.data).toEqual([
			{ id: '6003', type: 'products' },
			{ id: '6002', type: 'products' },
		]);
	});

	it('lists products without excluded product types and shows one', async () => {
		const list = await api.get('/v1/products', {
			query: {
				'filter[site_id]': SITE,
				'filter[exclude_product_types][]': 'Courses::CohortCourse',
			},
		});
		const one = await api.get('/v1/products/6004');

		expect(list.body.data.map((product: any) => product.id)).toEqual(['6001', '6002', '6003']);
		expect(one.body.data.attributes.product_type_name).toBe('Cohort Course');
	});

	it('lists courses and shows one with modules, lessons and offers', async () => {
		const list = await api.get('/v1/courses', {
			query: { 'filter[publish_status_eq]': 'published' },
		});
		const one = await api.get('/v1/courses/7001', { query: { include: 'modules,lessons,offers' } });

		expect(list.body.data.map((course: any) => course.attributes.title)).toEqual([
			'Coaching Program',
			'Workshop Replay',
		]);
		expect(
			one.body.included.map((entry: any) => `${entry.type}:${entry.attributes.title}`),
		).toEqual([
			'modules:Foundations',
			'modules:Momentum',
			'lessons:Welcome',
			'lessons:Setting goals',
			'lessons:Weekly review',
			'offers:Coaching Program',
			'offers:Inner Circle Membership',
		]);
	});
});

describe('forms, submissions and custom fields', () => {
	it('lists the forms of a site by title and shows one with its fields and tags', async () => {
		const list = await api.get('/v1/forms', { query: { 'filter[site_id]': SITE, sort: 'title' } });
		const one = await api.get('/v1/forms/2001', { query: { include: 'fields,contact_tags' } });

		expect(list.body.data.map((form: any) => [form.id, form.attributes.title])).toEqual([
			['2003', 'Free Guide (Partner Page)'],
			['2002', 'Free Guide Download'],
			['2001', 'Spring Webinar Signup'],
		]);
		expect(
			one.body.included.map((entry: any) => entry.attributes.title ?? entry.attributes.name),
		).toEqual(['Name', 'Email', 'Phone', 'Company', 'Webinar Attendee']);
	});

	it('accepts a form submission and answers 201 with it', async () => {
		const response = await api.post('/v1/forms/2001/submit', {
			body: {
				data: {
					type: 'form_submissions',
					attributes: { name: 'Kim Osei', email: 'kim.osei@example.com', custom_1: 'Osei Labs' },
				},
			},
		});

		expect(response.status).toBe(201);
		expect(response.body.data.attributes).toMatchObject({
			name: 'Kim Osei',
			email: 'kim.osei@example.com',
			mobile_phone_number: null,
			custom_1: 'Osei Labs',
		});
		expect(response.body.data.relationships.form.data).toEqual({ id: '2001', type: 'forms' });
	});

	it('lists the submissions of a form and shows one with its form', async () => {
		const list = await api.get('/v1/form_submissions', { query: { 'filter[form_id]': '2002' } });
		const one = await api.get('/v1/form_submissions/2503', { query: { include: 'form' } });

		expect(list.body.data.map((submission: any) => submission.attributes.email)).toEqual([
			'lucas.silva@example.com',
		]);
		expect(one.body.included[0].attributes.title).toBe('Free Guide (Partner Page)');
	});

	it('lists custom fields with their handles and titles and shows one', async () => {
		const list = await api.get('/v1/custom_fields', { query: { 'filter[site_id]': SITE } });
		const one = await api.get('/v1/custom_fields/1111');

		expect(
			list.body.data.map((field: any) => [field.attributes.handle, field.attributes.title]),
		).toEqual([
			['custom_1', 'Company'],
			['custom_2', 'Lead Source'],
			['custom_3', 'Main Goal'],
		]);
		expect(one.body.data.attributes).toEqual({
			title: 'Experience Level',
			handle: 'custom_1',
			type: 'TextField',
			required: true,
		});
	});
});

describe('contact notes', () => {
	it('creates, lists, shows, updates and deletes a note', async () => {
		const created = await api.post('/v1/contact_notes', {
			body: {
				data: {
					type: 'contact_notes',
					attributes: { body: 'Called back, left a message.' },
					relationships: { contact: { data: { type: 'contacts', id: '5003' } } },
				},
			},
		});
		const id = created.body.data.id;
		const list = await api.get('/v1/contact_notes', { query: { 'filter[contact_id]': '5003' } });
		const shown = await api.get(`/v1/contact_notes/${id}`, { query: { include: 'contact' } });
		const updated = await api.patch(`/v1/contact_notes/${id}`, {
			body: { data: { type: 'contact_notes', id, attributes: { body: 'Called back twice.' } } },
		});
		const deleted = await api.delete(`/v1/contact_notes/${id}`);

		expect(created.status).toBe(201);
		expect(list.body.data.map((note: any) => note.attributes.body)).toEqual([
			'Called back, left a message.',
			'Prefers email over phone.',
		]);
		expect(shown.body.included[0].attributes.name).toBe('Sofia Rossi');
		expect(updated.body.data.attributes.body).toBe('Called back twice.');
		expect(deleted.status).toBe(200);
	});
});

describe('hooks', () => {
	it('creates, lists, shows and deletes a hook', async () => {
		const created = await api.post('/v1/hooks', {
			body: {
				data: {
					type: 'hooks',
					attributes: {
						target_url: 'http://127.0.0.1:9/unused',
						event: 'tag_added',
						resource_id: '3004',
					},
					relationships: { site: { data: { type: 'sites', id: SITE } } },
				},
			},
		});
		const id = created.body.data.id;
		const list = await api.get('/v1/hooks', { query: { 'filter[event_eq]': 'tag_added' } });
		const shown = await api.get(`/v1/hooks/${id}`);
		const deleted = await api.delete(`/v1/hooks/${id}`);

		expect(created.status).toBe(201);
		expect(created.body.data.attributes).toMatchObject({ event: 'tag_added', resource_id: 3004 });
		expect(list.body.data.map((hook: any) => hook.id)).toEqual([id]);
		expect(shown.body.data.relationships.site.data).toEqual({ id: SITE, type: 'sites' });
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBeUndefined();
	});

	it.each(API_EVENTS)(
		'answers GET /v1/hooks/%s_sample with the spec’s own sample',
		async (event) => {
			const response = await api.get(`/v1/hooks/${event}_sample`);

			expect(response.body).toEqual(fixtureJson(payloadArrayFile(event)));
		},
	);
});

describe('site content', () => {
	it('lists blog posts of a site and shows one', async () => {
		const list = await api.get('/v1/blog_posts', { query: { 'filter[title_cont]': 'habits' } });
		const one = await api.get('/v1/blog_posts/1311');

		expect(list.body.data.map((post: any) => post.id)).toEqual(['1301']);
		expect(one.body.data.relationships.blog.data).toEqual({ id: '1360', type: 'blogs' });
	});

	it('lists published landing pages and shows one', async () => {
		const list = await api.get('/v1/landing_pages', { query: { 'filter[published]': 'true' } });
		const one = await api.get('/v1/landing_pages/1402');

		expect(list.body.data.map((page: any) => page.attributes.title)).toEqual([
			'Spring Webinar',
			'Beginner Week',
		]);
		expect(one.body.data.attributes.publish_at).toBeNull();
	});

	it('lists website pages and shows one', async () => {
		const list = await api.get('/v1/website_pages', { query: { 'page[size]': 2 } });
		const one = await api.get('/v1/website_pages/1502');

		expect(list.body.meta).toEqual({ total_pages: 2, total_count: 3, current_page: 1 });
		expect(one.body.data.attributes.title).toBe('About');
	});

	it('lists podcasts and shows one', async () => {
		const list = await api.get('/v1/podcasts', { query: { 'filter[show_type_eq]': 'episodic' } });
		const one = await api.get('/v1/podcasts/1601');

		expect(list.body.links.next).toBeNull();
		expect(one.body.data.attributes).toMatchObject({
			title: 'Northwind Coaching Hour',
			status: 'ready',
		});
	});

	it('lists the payouts of a site and shows one with its transactions', async () => {
		const list = await api.get('/v1/kajabi_payments_payouts', {
			query: { 'filter[site_id]': SITE, 'filter[status]': 'paid' },
		});
		const one = await api.get('/v1/kajabi_payments_payouts/payout_1701', {
			query: { 'filter[site_id]': SITE },
		});

		expect(list.body.data.map((payout: any) => payout.id)).toEqual(['payout_1701']);
		expect(list.body.meta).toMatchObject({ total: 1, pagination: { current: 1, next: null } });
		expect(one.body.data.attributes.transactions[0]).toMatchObject({
			offer_titles: ['Coaching Program'],
		});
	});
});

describe('tokens', () => {
	it('revokes the session of a token with POST /v1/oauth/revoke', async () => {
		const issued = await api.requestToken(SEEDED_KEYS.owner);
		const token = issued.body.access_token;

		const response = await api.post('/v1/oauth/revoke', { token, form: { token } });

		expect(response.status).toBe(200);
		expect(response.body).toBeUndefined();
		expect((await api.get('/v1/me', { token })).status).toBe(401);
	});
});

describe('coverage', () => {
	it('routes exactly the operations of the spec, no more and no fewer', () => {
		const inSpec = listOperations(loadKajabiSpec()).map(([method, path]) => `${method} ${path}`);
		const routed = ROUTES.map((route) => `${route.method} ${route.path}`);

		expect(routed.sort()).toEqual(inSpec.sort());
	});

	it('has called every operation in the spec and had a 2xx answer from each', () => {
		const all = listOperations(loadKajabiSpec()).map(([method, path]) => `${method} ${path}`);
		const succeeded = [...api.seen]
			.filter(([, statuses]) => statuses.some((status) => status >= 200 && status < 300))
			.map(([operation]) => operation);

		expect(all).toHaveLength(77);
		expect(all.filter((operation) => !succeeded.includes(operation))).toEqual([]);
		expect(kajabiContract().operations).toHaveLength(77);
	});
});
