import { readFileSync } from 'fs';
import { join } from 'path';

import {
	normalizeDelivery,
	type NormalizeResult,
} from '../../nodes/KajabiTrigger/delivery/normalizeDelivery';
import { leadSchema, type KajabiLead } from '../../nodes/shared/lead';
import {
	API_EVENTS,
	DASHBOARD_PURCHASE,
	envelopeFile,
	fixtureJson,
	fixtureText,
	payloadArrayFile,
} from '../helpers/fixtures';

const MAX_BYTES = 512 * 1024;
const RECEIVED_AT = new Date('2026-01-02T03:04:05.000Z');

function normalize(
	body: string | Buffer | unknown,
	contentType = 'application/json',
	options: Parameters<typeof normalizeDelivery>[1] = {},
): NormalizeResult {
	const rawBody = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	return normalizeDelivery(
		{ rawBody, contentType, maxBytes: MAX_BYTES },
		{ receivedAt: RECEIVED_AT, defaultCountry: 'US', ...options },
	);
}

function lead(result: NormalizeResult): KajabiLead {
	if (!result.ok) throw new Error(`expected a lead, got ${result.rejected.error.code}`);
	return result.lead;
}

function rejected(result: NormalizeResult) {
	if (result.ok) throw new Error(`expected a rejection, got a ${result.lead.event} lead`);
	return result.rejected;
}

describe('every sample body becomes one valid lead', () => {
	const files = [
		...API_EVENTS.map(envelopeFile),
		...API_EVENTS.map(payloadArrayFile),
		DASHBOARD_PURCHASE,
	];

	it.each(files)('%s passes the lead schema', (file) => {
		const result = lead(normalize(fixtureText(file)));

		expect(leadSchema.safeParse(result).success).toBe(true);
		expect(result.receivedAt).toBe('2026-01-02T03:04:05.000Z');
		expect(result.deliveryId).toMatch(/^[0-9a-f]{32}$/);
		expect(result.raw).toBeUndefined();
	});
});

describe('API hook envelopes', () => {
	it('reads a form submission: form, site, contact', () => {
		const result = lead(normalize(fixtureText(envelopeFile('form_submission'))));

		expect(result).toMatchObject({
			event: 'form_submission',
			eventType: 'form_submission',
			source: 'api_hook',
			kajabiId: 'hash_id',
			siteId: '2',
			form: { id: '0', title: 'Sample Form', submissionId: '0' },
			commerce: null,
			tagIds: [],
		});
		expect(result.contact).toMatchObject({
			email: 'john.doe@example.com',
			name: 'John Doe',
			firstName: 'John',
			lastName: 'Doe',
			phone: null,
			address: null,
		});
	});

	it('reads a purchase: offer, amounts in cents and as decimals, customer', () => {
		const result = lead(normalize(fixtureText(envelopeFile('purchase'))));

		expect(result.eventType).toBe('purchase');
		expect(result.form).toBeNull();
		expect(result.contact).toMatchObject({
			email: 'john.doe@example.com',
			id: '0',
			customerId: '0',
		});
		expect(result.commerce).toMatchObject({
			offer: { id: '0', title: 'Kajabi Test Offer' },
			currency: 'USD',
			amountMinor: 1000,
			amount: 10,
			purchaseId: '0',
			paymentType: 'single',
		});
	});

	it('reads a payment whose transaction names no offer', () => {
		const result = lead(normalize(fixtureText(envelopeFile('payment_succeeded'))));

		expect(result.commerce).toMatchObject({
			offer: null,
			transactionId: '0',
			amountMinor: 1000,
			amount: 10,
			taxMinor: 0,
			currency: 'USD',
		});
	});

	it('reads an order with its items, totals and tax', () => {
		const result = lead(normalize(fixtureText(envelopeFile('order_created'))));

		expect(result.commerce).toMatchObject({
			orderId: '0',
			orderNumber: '0',
			amountMinor: 1000,
			subtotalMinor: 800,
			taxMinor: 200,
			offer: { id: '0', title: 'Kajabi Test Offer' },
			items: [{ title: 'Kajabi Test Offer', quantity: 1, itemType: 'Offer', amountMinor: 1000 }],
		});
	});

	it.each(['tag_added', 'tag_removed'])('reads %s with the tag name Kajabi sends', (event) => {
		const result = lead(normalize(fixtureText(envelopeFile(event))));

		expect(result.eventType).toBe(event);
		expect(result.tagIds).toEqual(['0']);
		expect(result.tags).toEqual([{ id: '0', name: 'Tag' }]);
		expect(result.contact.phone).toBe('+15555555555');
		expect(result.contact.address).toMatchObject({ city: 'Kajabiwood', zip: '99999' });
	});

	it('picks resources by type whatever their order in the payload', () => {
		const body = fixtureJson(envelopeFile('order_created'));
		body.payload.reverse();

		const reordered = lead(normalize(body));
		const original = lead(normalize(fixtureText(envelopeFile('order_created'))));

		expect(reordered.commerce).toEqual(original.commerce);
		expect(reordered.contact).toEqual(original.contact);
	});

	it('accepts ids sent as numbers', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].relationships.form.data.id = 2001;
		body.payload[0].relationships.site.data.id = 77;
		body.payload[1].id = 2001;

		const result = lead(normalize(body));

		expect(result.form).toEqual({ id: '2001', title: 'Sample Form', submissionId: '0' });
		expect(result.siteId).toBe('77');
	});
});

describe('bare payload arrays', () => {
	it.each(['form_submission', 'purchase', 'payment_succeeded', 'order_created'])(
		'infers %s from the resource types',
		(event) => {
			const result = lead(normalize(fixtureText(payloadArrayFile(event))));

			expect(result.source).toBe('payload_array');
			expect(result.event).toBe(event);
			expect(result.eventType).toBe(event);
		},
	);

	it('calls a contact-and-tag array tag_changed, since it cannot tell added from removed', () => {
		const result = lead(normalize(fixtureText(payloadArrayFile('tag_added'))));

		expect(result.eventType).toBe('tag_changed');
		expect(result.tags).toEqual([{ id: '0', name: 'Tag' }]);
	});
});

describe('dashboard webhooks', () => {
	it('reads the flat purchase.created test delivery', () => {
		const result = lead(normalize(fixtureText(DASHBOARD_PURCHASE)));

		expect(result).toMatchObject({
			event: 'purchase.created',
			eventType: 'purchase',
			source: 'dashboard',
			kajabiId: 'f36e8f76-e02e-11f0-921d-4b2732f24088',
			isTest: true,
		});
		expect(result.contact).toMatchObject({
			email: 'test.student@example.com',
			firstName: 'Test',
			lastName: 'Student',
			phone: '+19495551212',
			phoneRaw: '949-555-1212',
			address: {
				line1: '100 Example Drive',
				city: 'Irvine',
				state: 'CA',
				zip: '92620',
				country: 'US',
			},
		});
		expect(result.commerce).toMatchObject({
			offer: { id: '0', title: 'Kajabi Test Offer' },
			amountMinor: 1250,
			amount: 12.5,
			currency: 'USD',
			transactionId: '1234567890',
			subscriptionId: '1234567890',
			couponCode: '10OFF',
			paymentProcessor: 'Kajabi Payments',
		});
	});

	it('reads nested member and offer objects', () => {
		const result = lead(
			normalize({
				id: 'c1d2',
				event: 'purchase.created',
				payload: {
					member: {
						email: ' Ada@Example.COM ',
						name: 'Ada Lovelace',
						phone_number: '+44 20 7946 0958',
					},
					offer: { id: 91, title: 'Analytical Course' },
					amount_paid: 4900,
					currency: 'GBP',
					transaction_id: 555,
				},
			}),
		);

		expect(result.contact).toMatchObject({
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			phone: '+442079460958',
		});
		expect(result.commerce).toMatchObject({
			offer: { id: '91', title: 'Analytical Course' },
			amountMinor: 4900,
			amount: 49,
			transactionId: '555',
		});
		expect(result.isTest).toBe(false);
	});

	it('reads a dashboard form submission with custom fields, naming them as asked', () => {
		const result = lead(
			normalize(
				{
					event: 'form_submission',
					payload: {
						form_id: 2001,
						form_title: 'Webinar Signup',
						email: 'grace@example.com',
						name: 'Grace Hopper',
						custom_1: 'COBOL',
						custom_12: 3,
					},
				},
				'application/json',
				{ customFieldNames: { custom_1: 'favorite_language', custom_99: 'unused' } },
			),
		);

		expect(result.form).toEqual({ id: '2001', title: 'Webinar Signup', submissionId: null });
		expect(result.customFields).toEqual({
			custom_1: 'COBOL',
			custom_12: 3,
			favorite_language: 'COBOL',
		});
	});

	it('reads a form-encoded body with bracketed keys', () => {
		const body =
			'id=abc&event=purchase.created&payload[member_email]=Lin%40Example.com' +
			'&payload[member_name]=Lin+Yu&payload[offer_id]=7&payload[amount_paid_decimal]=19.99' +
			'&payload[currency]=USD';

		const result = lead(normalize(body, 'application/x-www-form-urlencoded'));

		expect(result.source).toBe('dashboard');
		expect(result.contact.email).toBe('lin@example.com');
		expect(result.commerce).toMatchObject({ amount: 19.99, amountMinor: 1999 });
	});

	it('reads flat fields with no envelope as a dashboard form submission', () => {
		const result = lead(
			normalize(
				'email=sam%40example.com&name=Sam&form_id=2002',
				'application/x-www-form-urlencoded',
			),
		);

		expect(result.event).toBe('form_submission');
		expect(result.form).toEqual({ id: '2002', title: null, submissionId: null });
	});

	it('drops keys that could reach a prototype in form-encoded bodies', () => {
		const result = lead(
			normalize(
				'email=x%40example.com&form_id=1&__proto__[polluted]=yes&payload[constructor][a]=1',
				'application/x-www-form-urlencoded',
			),
		);

		expect(result.contact.email).toBe('x@example.com');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('contact clean-up', () => {
	it('trims and lower-cases the email', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].attributes.email = '  John.Doe@EXAMPLE.com ';

		expect(lead(normalize(body)).contact.email).toBe('john.doe@example.com');
	});

	it('prefers the mobile number and writes it in E.164', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].attributes.phone_number = '(212) 555-0100';
		body.payload[0].attributes.mobile_phone_number = '415.555.0199';

		expect(lead(normalize(body)).contact).toMatchObject({
			phone: '+14155550199',
			phoneRaw: '415.555.0199',
		});
	});

	it('leaves phone null when no country can be known', () => {
		const body = fixtureJson(envelopeFile('tag_added'));

		const result = lead(normalize(body, 'application/json', { defaultCountry: null }));

		expect(result.contact.phone).toBeNull();
		expect(result.contact.phoneRaw).toBe('5555555555');
	});

	it('keeps the raw body when asked', () => {
		const body = fixtureJson(DASHBOARD_PURCHASE);

		const result = lead(normalize(body, 'application/json', { includeRaw: true }));

		expect(result.raw).toEqual(body);
	});
});

describe('test deliveries', () => {
	it('flags the spec samples, whose ids are all 0', () => {
		expect(lead(normalize(fixtureText(envelopeFile('purchase')))).isTest).toBe(true);
	});

	it('does not flag a real-looking submission', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].id = '8812';

		expect(lead(normalize(body)).isTest).toBe(false);
	});

	it('flags an address at kajabi.com', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].id = '8812';
		body.payload[0].attributes.email = 'preview@kajabi.com';

		expect(lead(normalize(body)).isTest).toBe(true);
	});
});

describe('delivery ids', () => {
	it('gives a replayed delivery the same id and a different one another', () => {
		const text = fixtureText(envelopeFile('form_submission'));
		const other = fixtureJson(envelopeFile('form_submission'));
		other.payload[0].attributes.email = 'someone.else@example.com';

		const first = lead(normalize(text));
		const again = lead(normalize(Buffer.from(text)));
		const different = lead(normalize(other));

		expect(again.deliveryId).toBe(first.deliveryId);
		expect(different.deliveryId).not.toBe(first.deliveryId);
	});
});

describe('bad bodies are rejected with a reason', () => {
	it.each([
		['an empty body', '', 'empty_body'],
		['whitespace', '  \n ', 'empty_body'],
		['text that is not JSON', 'hello there', 'not_json'],
		['truncated JSON', '{"event": "form_submission", "payload": [', 'not_json'],
		['a JSON string', '"form_submission"', 'unknown_shape'],
		['a JSON number', '42', 'unknown_shape'],
		['null', 'null', 'unknown_shape'],
		[
			'an object of another service',
			'{"type":"invoice.paid","data":{"object":{}}}',
			'unknown_shape',
		],
		['an empty array', '[]', 'unknown_shape'],
		['an array of non-resources', '[1, "two", {"id": 3}]', 'unknown_shape'],
		[
			'resources of no Kajabi event',
			'[{"id":"1","type":"sites","attributes":{}}]',
			'unknown_shape',
		],
	])('%s', (_label, body, code) => {
		const result = rejected(normalize(body));

		expect(result.error.code).toBe(code);
		expect(result.error.message.length).toBeGreaterThan(10);
		expect(result.receivedAt).toBe('2026-01-02T03:04:05.000Z');
	});

	it('rejects a form submission without an email', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		delete body.payload[0].attributes.email;

		const result = rejected(normalize(body));

		expect(result.error).toEqual({
			code: 'missing_email',
			message: 'The form submission has no email address.',
		});
	});

	it('rejects a form submission whose email is not an address', () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].attributes.email = 'John Doe';

		expect(rejected(normalize(body)).error.code).toBe('missing_email');
	});

	it('rejects a body over the size limit and keeps only the limit of it', () => {
		const huge = JSON.stringify({
			event: 'form_submission',
			payload: [],
			pad: 'x'.repeat(MAX_BYTES),
		});

		const result = rejected(normalize(huge));

		expect(result.error.code).toBe('too_large');
		expect(result.bodyBytes).toBe(Buffer.byteLength(huge));
		expect(result.rawBody.length).toBe(MAX_BYTES);
	});

	it('keeps the body of a rejected delivery so the lead can be recovered', () => {
		const body =
			'{"event":"form_submission","payload":[{"type":"form_submissions","attributes":{"name":"No Email"}}]}';

		const result = rejected(normalize(body));

		expect(result.rawBody).toBe(body);
		expect(result.contentType).toBe('application/json');
	});

	it('survives deep nesting without a crash', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);

		expect(normalize(deep).ok).toBe(false);
	});

	it('reads a body n8n already parsed when the bytes are not available', () => {
		const result = normalizeDelivery(
			{ parsedBody: fixtureJson(envelopeFile('purchase')), maxBytes: MAX_BYTES },
			{ receivedAt: RECEIVED_AT },
		);

		expect(lead(result).eventType).toBe('purchase');
	});
});

describe('the documented example', () => {
	it('is what the Trigger makes of the documented delivery', () => {
		const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'lead-item.md'), 'utf8');
		const [delivery, item] = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) =>
			JSON.parse(match[1]),
		);

		const result = lead(
			normalizeDelivery(
				{ rawBody: JSON.stringify(delivery), contentType: 'application/json', maxBytes: MAX_BYTES },
				{
					receivedAt: new Date(item.receivedAt),
					defaultCountry: 'US',
					customFieldNames: { custom_1: 'experience_level' },
				},
			),
		);

		expect(leadSchema.safeParse(item).success).toBe(true);
		expect({ ...result, deliveryId: item.deliveryId }).toEqual(item);
	});
});
