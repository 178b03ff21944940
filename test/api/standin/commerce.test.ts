import { createKajabiStandIn } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { KajabiTestClient } from './kajabiTestClient';

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

const ids = (response: any): string[] => response.body.data.map((record: any) => record.id);

describe('customers', () => {
	it('are found by name or email and by offer held', async () => {
		const search = await api.get('/v1/customers', {
			query: { 'filter[site_id]': '101', 'filter[search]': 'SOFIA' },
		});
		const holders = await api.get('/v1/customers', { query: { 'filter[has_offer_id]': '4001' } });

		expect(ids(search)).toEqual(['8003']);
		expect(ids(holders)).toEqual(['8004', '8001']);
	});

	it('narrow the offers they hold with filter[offers_search]', async () => {
		const response = await api.get('/v1/customers/8001', {
			query: { include: 'offers', 'filter[offers_search]': 'coaching' },
		});

		expect(response.body.data.relationships.offers.data).toEqual([
			{ id: '4002', type: 'offers' },
			{ id: '4001', type: 'offers' },
		]);
		expect(response.body.included.map((offer: any) => offer.attributes.title)).toEqual([
			'Coaching Program',
		]);
	});

	it('answer 404 for an unknown id, also on their offers relationship', async () => {
		expect((await api.get('/v1/customers/1')).status).toBe(404);
		expect((await api.get('/v1/customers/1/relationships/offers')).status).toBe(404);
	});
});

describe('purchases', () => {
	it('filter by deactivated and by coupon code', async () => {
		const deactivated = await api.get('/v1/purchases', {
			query: { 'filter[deactivated]': true, sort: 'created_at' },
		});
		const coupon = await api.get('/v1/purchases', {
			query: { 'filter[coupon_code_eq]': 'SPRING10' },
		});

		expect(ids(deactivated)).toEqual(['9003', '9008']);
		expect(ids(coupon)).toEqual(['9006']);
	});

	it('answer 422 to cancel_subscription without a live subscription', async () => {
		const oneTime = await api.post('/v1/purchases/9001/cancel_subscription');
		const cancelled = await api.post('/v1/purchases/9008/cancel_subscription');

		expect(oneTime.status).toBe(422);
		expect(oneTime.body.errors[0].detail).toBe('This purchase has no subscription to cancel');
		expect(cancelled.body.errors[0].detail).toBe('The subscription is already cancelled');
	});

	it('answer 404 for an unknown id on every purchase action', async () => {
		const statuses = await Promise.all(
			['/v1/purchases/1', '/v1/purchases/1/reactivate', '/v1/purchases/1/deactivate'].map(
				async (path, index) => (index === 0 ? await api.get(path) : await api.post(path)).status,
			),
		);

		expect(statuses).toEqual([404, 404, 404]);
	});

	it('take offers away when deactivated and give them back when reactivated', async () => {
		await api.post('/v1/purchases/9001/deactivate');
		const without = await api.get('/v1/contacts/5001/relationships/offers');
		await api.post('/v1/purchases/9001/reactivate');
		const withAgain = await api.get('/v1/contacts/5001/relationships/offers');

		expect(ids(without)).toEqual(['4001']);
		expect(ids(withAgain)).toEqual(['4002', '4001']);
	});
});

describe('transactions', () => {
	it('filter by name or email and by date', async () => {
		const byName = await api.get('/v1/transactions', {
			query: { 'filter[name_or_email]': 'mia.j@' },
		});
		const byDate = await api.get('/v1/transactions', {
			query: { 'filter[start_date]': '2025-01-11', 'filter[end_date]': '2025-01-11' },
		});

		expect(ids(byName)).toEqual(['9505']);
		expect(byDate.body.data.map((transaction: any) => transaction.attributes.action)).toEqual([
			'refund',
		]);
	});

	it('leave the deprecated offer empty for a two-offer checkout', async () => {
		const response = await api.get('/v1/transactions/9505');

		expect(response.body.data.relationships).toEqual({
			customer: { data: { id: '8005', type: 'customers' } },
			offer: { data: null },
			purchases: {
				data: [
					{ id: '9006', type: 'purchases' },
					{ id: '9007', type: 'purchases' },
				],
			},
		});
		expect(response.body.data.attributes.formatted_amount).toBe('$546.00');
	});

	it('answer 404 for an unknown id', async () => {
		expect((await api.get('/v1/transactions/1')).status).toBe(404);
	});
});

describe('orders and order items', () => {
	it('filter orders by customer and by fulfilment, and items by type', async () => {
		const byCustomer = await api.get('/v1/orders', { query: { 'filter[customer_id]': '8011' } });
		const unfulfilled = await api.get('/v1/orders', {
			query: { 'filter[fulfilled_at_null]': true },
		});
		const offers = await api.get('/v1/order_items', {
			query: { 'filter[item_type_eq]': 'Offer', 'filter[site_id]': '102' },
		});

		expect(ids(byCustomer)).toEqual(['9711']);
		expect(ids(unfulfilled)).toHaveLength(3);
		expect(offers.body.data[0].attributes).toMatchObject({
			title: 'Yoga Basics',
			total_price_in_cents: 9900,
		});
	});

	it('record a control-interface checkout as an order with an item per offer', async () => {
		const { order } = standIn.control.createOrder({
			contactId: '5020',
			offerIds: ['4002', '4004'],
		});
		const response = await api.get(`/v1/orders/${order.id}`, {
			query: { include: 'order_items,customer' },
		});

		expect(response.body.data.attributes).toMatchObject({
			order_number: 1003,
			formatted_total_price: '$546.00',
		});
		expect(response.body.included.map((entry: any) => entry.type)).toEqual([
			'order_items',
			'order_items',
			'customers',
		]);
		expect(response.body.included[2].attributes).toMatchObject({
			name: 'Samuel Lewis',
			net_revenue: '546.0',
		});
	});

	it('answer 404 for unknown ids', async () => {
		expect((await api.get('/v1/orders/1')).status).toBe(404);
		expect((await api.get('/v1/order_items/1')).status).toBe(404);
	});
});

describe('catalogue', () => {
	it('answers 404 for unknown offers, products, courses and an offer’s products', async () => {
		const paths = [
			'/v1/offers/1',
			'/v1/products/1',
			'/v1/courses/1',
			'/v1/offers/1/relationships/products',
		];
		const statuses = [];
		for (const path of paths) statuses.push((await api.get(path)).status);

		expect(statuses).toEqual([404, 404, 404, 404]);
	});

	it('trims offers to the fields asked for', async () => {
		const response = await api.get('/v1/offers/4002', {
			query: { 'fields[offers]': 'title,price_in_cents' },
		});

		expect(response.body.data.attributes).toEqual({
			title: 'Coaching Program',
			price_in_cents: 49700,
		});
	});
});
