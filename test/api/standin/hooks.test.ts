import { createKajabiStandIn } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { DASHBOARD_PURCHASE, envelopeFile, fixtureJson } from '../../helpers/fixtures';
import { kajabiContract } from '../contract/openApiContract';
import { shapeDifferences } from './bodyShape';
import { KajabiTestClient } from './kajabiTestClient';
import { WebhookReceiver } from './webhookReceiver';

let standIn: KajabiStandIn;
let api: KajabiTestClient;
const receiver = new WebhookReceiver();

beforeAll(async () => {
	standIn = await createKajabiStandIn({ delivery: { backoffMs: 10, timeoutMs: 2000 } });
	api = new KajabiTestClient(standIn.url);
	await api.authenticate();
	await receiver.start();
});

afterAll(async () => {
	await standIn.close();
	await receiver.stop();
});

async function hook(
	event: string,
	path: string,
	extra: { resourceId?: string; siteId?: string } = {},
) {
	const attributes: Record<string, unknown> = { target_url: `${receiver.url}${path}`, event };
	if (extra.resourceId) attributes.resource_id = extra.resourceId;
	const response = await api.post('/v1/hooks', {
		body: {
			data: {
				type: 'hooks',
				attributes,
				relationships: { site: { data: { type: 'sites', id: extra.siteId ?? '101' } } },
			},
		},
	});
	return response.body.data.id as string;
}

/** Waits until `count` deliveries to `path` have finished; resolves with their records. */
function recordsTo(path: string, count = 1) {
	return standIn.control.waitForDeliveries(count, {
		filter: (record) => record.target === `${receiver.url}${path}`,
	});
}

/** Waits until `count` deliveries to `path` have finished, then returns what arrived there. */
async function deliveredTo(path: string, count: number) {
	await recordsTo(path, count);
	return receiver.at(path);
}

function sampleSchemaErrors(event: string, payload: unknown) {
	return kajabiContract().validateResponse({
		method: 'GET',
		path: `/v1/hooks/${event}_sample`,
		status: 200,
		body: payload,
	}).errors;
}

describe('a form submission', () => {
	it('reaches the form_submission hook as {id, event, payload}, shaped as the spec', async () => {
		await hook('form_submission', '/form_submission');

		const submitted = await api.post('/v1/forms/2002/submit', {
			body: {
				data: {
					type: 'form_submissions',
					attributes: { name: 'Sam Oduya', email: 'Sam.Oduya@example.com' },
				},
			},
		});
		const [delivery] = await deliveredTo('/form_submission', 1);

		expect(Object.keys(delivery.body)).toEqual(['id', 'event', 'payload']);
		expect(delivery.body.id).toBe(submitted.body.data.id);
		expect(delivery.body.event).toBe('form_submission');
		expect(shapeDifferences(delivery.body, fixtureJson(envelopeFile('form_submission')))).toEqual(
			[],
		);
		expect(sampleSchemaErrors('form_submission', delivery.body.payload)).toEqual([]);
		expect(delivery.headers['content-type']).toBe('application/json');
	});

	it('carries the submitted person and the form’s id and title', async () => {
		const [delivery] = receiver.at('/form_submission');
		const [submission, form] = delivery.body.payload;

		expect(submission.attributes).toMatchObject({
			name: 'Sam Oduya',
			email: 'Sam.Oduya@example.com',
		});
		expect(submission.relationships).toEqual({
			site: { data: { id: '101', type: 'sites' } },
			form: { data: { id: '2002', type: 'forms' } },
		});
		expect(form).toMatchObject({
			id: '2002',
			type: 'forms',
			attributes: { title: 'Free Guide Download' },
		});
		expect(form.relationships.contact_tags.data).toEqual([{ id: '3007', type: 'contact_tags' }]);
	});

	it('reaches a hook with a resource_id only for that form', async () => {
		await hook('form_submission', '/partner-page-only', { resourceId: '2003' });
		const body = (email: string) => ({
			data: { type: 'form_submissions', attributes: { name: 'Partner Lead', email } },
		});

		await api.post('/v1/forms/2001/submit', { body: body('lead.one@example.com') });
		await api.post('/v1/forms/2003/submit', { body: body('lead.two@example.com') });
		await standIn.control.idle();

		const deliveries = receiver.at('/partner-page-only');
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0].body.payload[1].attributes.title).toBe('Free Guide (Partner Page)');
	});
});

describe('a purchase, a payment and an order from the control interface', () => {
	beforeAll(async () => {
		await hook('purchase', '/purchase');
		await hook('payment_succeeded', '/payment_succeeded');
		await hook('order_created', '/order_created');
	});

	it('deliver purchase with [purchases, offers, customers] in the spec’s shape', async () => {
		const { purchase } = standIn.control.createPurchase({ contactId: '5021', offerId: '4003' });
		const [delivery] = await deliveredTo('/purchase', 1);

		expect(delivery.body.id).toBe(purchase.id);
		expect(delivery.body.payload.map((resource: any) => resource.type)).toEqual([
			'purchases',
			'offers',
			'customers',
		]);
		expect(shapeDifferences(delivery.body, fixtureJson(envelopeFile('purchase')))).toEqual([]);
		expect(sampleSchemaErrors('purchase', delivery.body.payload)).toEqual([]);
		expect(delivery.body.payload[2].attributes).toMatchObject({
			name: 'Harper Young',
			email: 'harper.young@example.com',
		});
	});

	it('deliver payment_succeeded naming the offer paid for', async () => {
		const [purchase] = standIn.state.purchases.slice(-1);
		const { transaction } = standIn.control.createPayment({ purchaseId: purchase.id });
		const [delivery] = await deliveredTo('/payment_succeeded', 1);

		expect(delivery.body.id).toBe(transaction.id);
		expect(shapeDifferences(delivery.body, fixtureJson(envelopeFile('payment_succeeded')))).toEqual(
			[],
		);
		expect(sampleSchemaErrors('payment_succeeded', delivery.body.payload)).toEqual([]);
		expect(delivery.body.payload[0].relationships.offer.data).toEqual({
			id: '4003',
			type: 'offers',
		});
		expect(delivery.body.payload[0].attributes.formatted_amount).toBe('$29.00');
	});

	it('deliver order_created shaped as the spec’s sample', async () => {
		const { order } = standIn.control.createOrder({ contactId: '5022', offerIds: ['4004'] });
		const [delivery] = await deliveredTo('/order_created', 1);

		expect(delivery.body.id).toBe(order.id);
		expect(shapeDifferences(delivery.body, fixtureJson(envelopeFile('order_created')))).toEqual([]);
		expect(sampleSchemaErrors('order_created', delivery.body.payload)).toEqual([]);
		expect(delivery.body.payload[3].attributes).toMatchObject({
			item_id: 4004,
			title: 'Workshop Replay',
		});
	});

	it('deliver a two-offer checkout: 2 purchases, a payment without offer, an order', async () => {
		receiver.received.length = 0;
		standIn.control.clearDeliveries();

		standIn.control.checkout({ contactId: '5023', offerIds: ['4002', '4004'] });
		await standIn.control.waitForDeliveries(4);

		const [payment] = receiver.at('/payment_succeeded');
		const [order] = receiver.at('/order_created');
		expect(receiver.at('/purchase')).toHaveLength(2);
		expect(payment.body.payload[0].relationships.offer.data).toBeNull();
		expect(order.body.payload.map((resource: any) => resource.type)).toEqual([
			'transactions',
			'customers',
			'orders',
			'order_items',
			'order_items',
		]);
	});
});

describe('tag changes', () => {
	beforeAll(async () => {
		await hook('tag_added', '/tag_added');
		await hook('tag_removed', '/tag_removed');
		await hook('tag_added', '/vip-only', { resourceId: '3004' });
		await hook('tag_added', '/yoga-site', { siteId: '102' });
	});

	it('through the API deliver tag_added shaped as the spec’s sample', async () => {
		await api.post('/v1/contacts/5011/relationships/tags', {
			body: { data: [{ type: 'contact_tags', id: '3004' }] },
		});
		const [delivery] = await deliveredTo('/tag_added', 1);

		expect(delivery.body.id).toBe('5011');
		expect(shapeDifferences(delivery.body, fixtureJson(envelopeFile('tag_added')))).toEqual([]);
		expect(sampleSchemaErrors('tag_added', delivery.body.payload)).toEqual([]);
		expect(delivery.body.payload[1]).toMatchObject({ id: '3004', attributes: { name: 'VIP' } });
	});

	it('reach a resource_id hook only for its tag, and no hook of another site', async () => {
		await api.post('/v1/contacts/5011/relationships/tags', {
			body: { data: [{ type: 'contact_tags', id: '3005' }] },
		});
		await standIn.control.idle();

		expect(receiver.at('/vip-only').map((delivery) => delivery.body.payload[1].id)).toEqual([
			'3004',
		]);
		expect(receiver.at('/yoga-site')).toEqual([]);
	});

	it('through the API deliver tag_removed, and a replace delivers both', async () => {
		await api.delete('/v1/contacts/5011/relationships/tags', {
			body: { data: [{ type: 'contact_tags', id: '3004' }] },
		});
		await api.patch('/v1/contacts/5011/relationships/tags', {
			body: { data: [{ type: 'contact_tags', id: '3001' }] },
		});
		await standIn.control.idle();

		const removed = receiver
			.at('/tag_removed')
			.map((delivery) => delivery.body.payload[1].attributes.name);
		const added = receiver
			.at('/tag_added')
			.map((delivery) => delivery.body.payload[1].attributes.name);
		expect(removed).toEqual(['VIP', 'Newsletter']);
		expect(added).toEqual(['VIP', 'Newsletter', 'Lead']);
		expect(
			shapeDifferences(
				receiver.at('/tag_removed')[0].body,
				fixtureJson(envelopeFile('tag_removed')),
			),
		).toEqual([]);
	});

	it('from the control interface are delivered too', async () => {
		const result = standIn.control.addTag({ contactId: '5025', tagId: '3011' });
		const again = standIn.control.addTag({ contactId: '5026', tagId: '3012' });
		const [delivery] = await deliveredTo('/yoga-site', 1);

		expect(result).toEqual({ added: false });
		expect(again).toEqual({ added: true });
		expect(delivery.body.payload[0].attributes.name).toBe('Felix Becker');
	});

	it('stop reaching a hook once it is deleted', async () => {
		const id = await hook('tag_removed', '/deleted-hook');
		await api.delete(`/v1/hooks/${id}`);

		standIn.control.removeTag({ contactId: '5011', tagId: '3001' });
		await standIn.control.idle();

		expect(receiver.at('/deleted-hook')).toEqual([]);
	});
});

describe('delivery', () => {
	it('sends each delivery k times when asked to repeat, with the same body', async () => {
		await hook('tag_added', '/repeated', { resourceId: '3006' });
		standIn.control.setDeliveryRepeat(3);
		try {
			standIn.control.addTag({ contactId: '5012', tagId: '3006' });
			const deliveries = await deliveredTo('/repeated', 3);
			const records = standIn.control
				.deliveries()
				.filter((record) => record.target.endsWith('/repeated'));

			expect(deliveries).toHaveLength(3);
			expect(new Set(deliveries.map((delivery) => JSON.stringify(delivery.body))).size).toBe(1);
			expect(records.map((record) => [record.copy, record.copies, record.statusCode])).toEqual([
				[1, 3, 200],
				[2, 3, 200],
				[3, 3, 200],
			]);
		} finally {
			standIn.control.setDeliveryRepeat(1);
		}
	});

	it('retries after a 500 and reports the attempts it took', async () => {
		await hook('tag_added', '/flaky', { resourceId: '3001' });
		receiver.failFirst('/flaky', 2);

		standIn.control.addTag({ contactId: '5013', tagId: '3001' });
		const [record] = await recordsTo('/flaky');

		expect(record).toMatchObject({ state: 'delivered', statusCode: 200, attempts: 3, ok: true });
		expect(record.answers).toEqual([500, 500, 200]);
		expect(receiver.at('/flaky')).toHaveLength(3);
	});

	it('gives up after three attempts and reports the last status', async () => {
		await hook('tag_added', '/down', { resourceId: '3002' });
		receiver.failFirst('/down', 5);

		standIn.control.addTag({ contactId: '5013', tagId: '3002' });
		const [record] = await recordsTo('/down');

		expect(record).toMatchObject({ state: 'failed', statusCode: 500, attempts: 3, ok: false });
	});

	it('redelivers a failed delivery with the same body, and leaves delivered ones alone', async () => {
		await hook('tag_added', '/later', { resourceId: '3003' });
		receiver.failFirst('/later', 3);
		standIn.control.addTag({ contactId: '5012', tagId: '3003' });
		const [failed] = await recordsTo('/later');
		expect(failed.state).toBe('failed');
		const delivered = standIn.control.deliveries().find((record) => record.state === 'delivered');
		expect(delivered).toBeDefined();

		const again = standIn.control.redeliver([failed.id, delivered!.id]);
		expect(again).toHaveLength(1);
		const [record] = await standIn.control.waitForDeliveries(1, {
			filter: (candidate) => candidate.redeliveryOf === failed.id,
		});

		expect(record).toMatchObject({ state: 'delivered', statusCode: 200, attempts: 1, copy: 1 });
		expect(record.id).not.toBe(failed.id);
		const bodies = receiver.at('/later').map((delivery) => JSON.stringify(delivery.body));
		expect(bodies).toHaveLength(4);
		expect(new Set(bodies).size).toBe(1);
		expect(() => standIn.control.redeliver(['1' as unknown as number])).toThrow(
			'ids must be an array of delivery record ids',
		);
	});

	it('accepts a hook to a public URL but never sends anything there', async () => {
		await api.post('/v1/hooks', {
			body: {
				data: {
					type: 'hooks',
					attributes: {
						target_url: 'https://example.com/webhook',
						event: 'tag_added',
						resource_id: 3007,
					},
					relationships: { site: { data: { type: 'sites', id: '101' } } },
				},
			},
		});

		standIn.control.addTag({ contactId: '5014', tagId: '3007' });
		const [record] = await standIn.control.waitForDeliveries(1, {
			filter: (candidate) => candidate.target === 'https://example.com/webhook',
		});

		expect(record).toMatchObject({ state: 'refused', attempts: 0, statusCode: null });
		expect(record.error).toBe('refused: the stand-in only delivers to loopback http URLs');
	});
});

describe('dashboard webhooks', () => {
	it('send Kajabi’s own test delivery as captured, with a fresh id', async () => {
		standIn.control.sendDashboardPurchase({ url: `${receiver.url}/dashboard-test`, test: true });
		const [delivery] = await deliveredTo('/dashboard-test', 1);
		const sample = fixtureJson(DASHBOARD_PURCHASE);

		expect(delivery.body.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(delivery.body.id).not.toBe(sample.id);
		expect({ ...delivery.body, id: sample.id }).toEqual(sample);
	});

	it('send a purchase.created body for a real purchase with exactly the captured keys', async () => {
		standIn.control.sendDashboardPurchase({ url: `${receiver.url}/dashboard`, purchaseId: '9004' });
		const [delivery] = await deliveredTo('/dashboard', 1);
		const sample = fixtureJson(DASHBOARD_PURCHASE);

		expect(delivery.body.event).toBe('purchase.created');
		expect(Object.keys(delivery.body.payload)).toEqual(Object.keys(sample.payload));
		expect(delivery.body.payload).toMatchObject({
			member_email: 'sofia.rossi@example.com',
			member_first_name: 'Sofia',
			offer_id: 4003,
			offer_title: 'Inner Circle Membership',
			amount_paid: 2900,
			amount_paid_decimal: 29,
			offer_type: 'subscription',
			subscription_id: 9004,
			interval: 'month',
			contact_address_country_name: 'Italy',
		});
	});

	it('refuse a target that is not on this machine', async () => {
		const [record] = standIn.control.sendDashboardPurchase({
			url: 'http://10.1.2.3/hook',
			test: true,
		});
		await standIn.control.idle();

		expect(record.state).toBe('refused');
	});
});
