'use strict';

/**
 * The stand-in's starting data: two sites, about thirty contacts, tags, offers (free, paid,
 * one subscription), customers, purchases, transactions, orders, forms, custom fields and a
 * little site content. Everything is fixed so tests can name ids and values; every person
 * and address is made up and every email domain is reserved for examples.
 */

const { formatCents } = require('./money');

const BASE_TIME = Date.parse('2025-01-06T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;

/** A fixed instant `hours` after the seed's base time, as Kajabi writes timestamps. */
function at(hours) {
	return new Date(BASE_TIME + hours * HOUR).toISOString();
}

const SITE_MAIN = '101';
const SITE_YOGA = '102';

/** A site's public address; `.test` is a domain reserved for tests, so nothing resolves it. */
function siteHost(siteId) {
	return `https://${siteId === SITE_MAIN ? 'northwind' : 'harbor-yoga'}.kajabi-stand-in.test`;
}

const OWNER_KEY = {
	name: 'Owner key',
	clientId: 'standin-owner-client-id',
	clientSecret: 'standin-owner-client-secret',
	permissions: ['*'],
};

// A narrower key, as an owner might make for a forms-only integration.
const FORMS_ONLY_KEY = {
	name: 'Forms only',
	clientId: 'standin-forms-only-client-id',
	clientSecret: 'standin-forms-only-client-secret',
	permissions: ['view:forms', 'view:form_submissions', 'manage:form_submissions'],
};

const PEOPLE = [
	['5001', SITE_MAIN, 'Ava Martinez', 'Ava.Martinez@Example.com', '+1 (555) 010-1001'],
	['5002', SITE_MAIN, "Liam O'Connor", 'liam.oconnor@example.org', '555-010-1002'],
	['5003', SITE_MAIN, 'Sofia Rossi', 'SOFIA.ROSSI@EXAMPLE.COM', '+39 06 5550 1003'],
	['5004', SITE_MAIN, 'Noah Kim', 'noah.kim@example.net', null],
	['5005', SITE_MAIN, 'Mia Johnson', 'mia.j@Example.com', '+1 555 010 1005'],
	['5006', SITE_MAIN, 'Ethan Brown', 'ethan.brown@example.com', '5550101006'],
	['5007', SITE_MAIN, 'Chloe Dubois', 'Chloe.Dubois@example.org', '+33 1 55 50 10 07'],
	['5008', SITE_MAIN, 'Lucas Silva', 'lucas.silva@example.com', null],
	['5009', SITE_MAIN, 'Grace Smith', 'grace.smith@example.com', '+1 555 010 1009'],
	['5010', SITE_MAIN, 'Daniel Smithers', 'dan@example.net', '555 010 1010'],
	['5011', SITE_MAIN, 'Olivia Chen', 'olivia.smithchen@Example.org', null],
	['5012', SITE_MAIN, 'Ann Lee', 'ann@example.org', '+1 555 010 1012'],
	['5013', SITE_MAIN, 'Joann Park', 'joann@example.org', '+1 555 010 1013'],
	['5014', SITE_MAIN, 'Henry Walker', 'henry.walker@example.com', null],
	['5015', SITE_MAIN, 'Isla Thompson', 'Isla.Thompson@example.com', '+44 20 7946 0015'],
	['5016', SITE_MAIN, 'Jack Wilson', 'jack.wilson@example.net', null],
	['5017', SITE_MAIN, 'Zoe Adams', 'zoe.adams@example.com', '+1 555 010 1017'],
	['5018', SITE_MAIN, 'Leo Garcia', 'LEO.GARCIA@example.com', null],
	['5019', SITE_MAIN, 'Amelia Clark', 'amelia.clark@example.org', '+1 555 010 1019'],
	['5020', SITE_MAIN, 'Samuel Lewis', 'sam.lewis@example.com', null],
	['5021', SITE_MAIN, 'Harper Young', 'harper.young@example.com', '+1 555 010 1021'],
	['5022', SITE_MAIN, 'Mateo Hernandez', 'mateo.h@example.net', null],
	['5023', SITE_MAIN, 'Ella King', 'Ella.King@Example.Net', '+1 555 010 1023'],
	['5024', SITE_MAIN, 'Oscar Wright', 'oscar.wright@example.com', null],
	['5025', SITE_YOGA, 'Nora Patel', 'nora.patel@example.com', '+1 555 010 1025'],
	['5026', SITE_YOGA, 'Felix Becker', 'felix.becker@example.org', null],
	['5027', SITE_YOGA, 'Ruby Scott', 'ruby.scott@example.com', '+1 555 010 1027'],
	// The same person as 5001, signed up on the second site: emails are unique per site only.
	['5028', SITE_YOGA, 'Ava Martinez', 'ava.martinez@example.com', '+1 (555) 010-1001'],
	['5029', SITE_YOGA, 'Theo Nguyen', 'theo.nguyen@example.net', null],
	['5030', SITE_YOGA, 'Lily Evans', 'lily.evans@example.com', '+1 555 010 1030'],
];

const ADDRESSES = {
	5001: ['100 Example Drive', 'Suite 4', 'Irvine', 'US', 'CA', '92620'],
	5003: ['Via Esempio 12', null, 'Roma', 'IT', 'RM', '00184'],
	5015: ['22 Sample Street', null, 'London', 'GB', null, 'SW1A 1AA'],
};

const CUSTOM_VALUES = {
	5001: { custom_1: 'Martinez Design', custom_2: 'Podcast', custom_3: 'Grow to six figures' },
	5002: { custom_1: null, custom_2: 'Webinar', custom_3: null },
	5009: { custom_1: 'Smith & Daughters', custom_2: 'Partner', custom_3: null },
};

const TAG_IDS = {
	5001: ['3001', '3003', '3004'],
	5002: ['3001', '3002'],
	5003: ['3003', '3005'],
	5004: ['3005'],
	5005: ['3003'],
	5007: ['3002'],
	5008: ['3007'],
	5009: ['3006', '3007'],
	5012: ['3005'],
	5025: ['3011'],
	5028: ['3012'],
};

function contactRecord([id, siteId, name, email, phone], index) {
	const address = ADDRESSES[id] ?? [null, null, null, null, null, null];
	const custom = CUSTOM_VALUES[id] ?? { custom_1: null, custom_2: null, custom_3: null };
	return {
		id,
		siteId,
		tagIds: TAG_IDS[id] ?? [],
		attributes: {
			name,
			email,
			address_line_1: address[0],
			address_line_2: address[1],
			address_city: address[2],
			address_country: address[3],
			address_state: address[4],
			address_zip: address[5],
			phone_number: phone,
			business_number: null,
			subscribed: index % 3 !== 2,
			external_user_id: null,
			...custom,
			created_at: at(index * 26),
			updated_at: at(index * 26 + 3),
		},
	};
}

function offer(id, siteId, title, kind, priceInCents, productIds, hours) {
	const token = `off${id}`;
	const free = kind === 'free';
	const subscription = kind === 'subscription';
	const dollars = (priceInCents / 100).toFixed(2);
	return {
		id,
		siteId,
		productIds,
		attributes: {
			title,
			description: `${title}, as sold on the stand-in site.`,
			internal_title: null,
			currency: 'USD',
			price_in_cents: priceInCents,
			payment_type: kind,
			token,
			image_url: null,
			payment_method: free ? 'none' : 'stripe_and_paypal',
			price_description: free ? 'Free' : `$${dollars} USD${subscription ? ' / month' : ''}`,
			checkout_url: `${siteHost(siteId)}/offers/${token}`,
			recurring_offer: subscription,
			subscription,
			one_time: !subscription,
			single: kind === 'single',
			free,
		},
		createdAt: at(hours),
	};
}

function product(id, siteId, title, typeName, productizableType, hours) {
	return {
		id,
		siteId,
		productizableType,
		attributes: {
			created_at: at(hours),
			title,
			description: `${title}: the product behind the offer.`,
			status: 'ready',
			members_aggregate_count: 0,
			product_type_name: typeName,
			product_type_id: Number(id) % 100,
			publish_status: 'published',
			thumbnail_url: null,
			url: null,
		},
	};
}

function customer(id, siteId, contactId, extra, hours) {
	return {
		id,
		siteId,
		contactId,
		attributes: {
			avatar: null,
			external_user_id: extra.externalUserId ?? null,
			public_bio: null,
			public_location: null,
			public_website: null,
			socials: null,
			net_revenue: extra.netRevenue,
			sign_in_count: extra.signIns,
			last_request_at: extra.lastRequestAt ?? null,
			bounced_at: null,
			created_at: at(hours),
			updated_at: at(hours + 1),
		},
	};
}

function purchase(id, siteId, customerId, offerId, amount, paymentType, extra, hours) {
	return {
		id,
		siteId,
		customerId,
		offerId,
		transactionIds: extra.transactionIds ?? [],
		subscriptionStatus:
			paymentType === 'subscription' ? (extra.subscriptionStatus ?? 'active') : null,
		attributes: {
			amount_in_cents: amount,
			payment_type: paymentType,
			multipay_payments_made: null,
			opt_in: false,
			raw_extra_contact_information: {},
			currency: 'USD',
			effective_start_at: at(hours),
			cardholder_name: null,
			billing_address_zip: null,
			deactivated_at: extra.deactivatedAt ?? null,
			deactivation_reason: extra.deactivationReason ?? null,
			coupon_code: extra.couponCode ?? null,
			source: null,
			referrer: null,
			quantity: 1,
			created_at: at(hours),
			updated_at: at(hours),
		},
	};
}

function transaction(id, siteId, customerId, purchaseIds, offerId, amount, action, hours) {
	return {
		id,
		siteId,
		customerId,
		purchaseIds,
		offerId,
		attributes: {
			action,
			state: 'succeeded',
			payment_type: action === 'refund' ? null : 'charge',
			amount_in_cents: amount,
			sales_tax_in_cents: 0,
			currency: 'USD',
			currency_symbol: '$',
			formatted_amount: formatCents(amount),
			created_at: at(hours),
		},
	};
}

function moneyAttributes(total, subtotal, tax) {
	return {
		currency_code: 'USD',
		total_price_in_cents: total,
		subtotal_in_cents: subtotal,
		sales_tax_amount_in_cents: tax,
		discount_amount_in_cents: 0,
		formatted_total_price: formatCents(total),
		formatted_subtotal: formatCents(subtotal),
		currency_symbol: '$',
	};
}

function order(id, siteId, customerId, number, itemIds, transactionIds, total, hours) {
	return {
		id,
		siteId,
		customerId,
		orderItemIds: itemIds,
		transactionIds,
		attributes: {
			order_number: number,
			fulfilled_at: null,
			created_at: at(hours),
			...moneyAttributes(total, total, 0),
		},
	};
}

function orderItem(id, siteId, orderId, offerId, title, total, hours) {
	return {
		id,
		siteId,
		orderId,
		attributes: {
			quantity: 1,
			item_type: 'Offer',
			item_id: Number(offerId),
			title,
			fulfilled_at: null,
			created_at: at(hours),
			...moneyAttributes(total, total, 0),
		},
	};
}

function field(id, siteId, title, type, handle, required) {
	return {
		id,
		siteId,
		attributes: {
			title,
			type,
			required,
			handle,
			select_options: null,
			editable: /^custom_/.test(handle),
		},
	};
}

function form(id, siteId, title, options, hours) {
	return {
		id,
		siteId,
		offerId: options.offerId ?? null,
		fieldIds: options.fieldIds,
		tagIds: options.tagIds ?? [],
		attributes: {
			title,
			default: options.default ?? false,
			webhook_url: null,
			url: `${siteHost(siteId)}/forms/${id}`,
			created_at: at(hours),
			updated_at: at(hours + 2),
		},
	};
}

function formSubmission(id, form, contact, hours) {
	const { name, email, phone_number: phone } = contact.attributes;
	return {
		id,
		siteId: form.siteId,
		formId: form.id,
		contactId: contact.id,
		createdAt: at(hours),
		attributes: {
			name,
			email,
			address_line_1: null,
			address_line_2: null,
			address_city: null,
			address_country: null,
			address_state: null,
			address_zip: null,
			phone_number: phone,
			business_number: null,
			mobile_phone_number: null,
		},
	};
}

function customField(id, siteId, handle, title, type, required) {
	return { id, siteId, attributes: { title, handle, type, required } };
}

function contactNote(id, contactId, body, hours) {
	return { id, contactId, attributes: { body, created_at: at(hours), updated_at: at(hours) } };
}

function siteContent() {
	return {
		blogPosts: [
			{
				id: '1301',
				siteId: SITE_MAIN,
				blogId: '1350',
				attributes: {
					title: 'Five habits of steady coaches',
					url: 'https://northwind.kajabi-stand-in.test/blog/five-habits',
					content: '<p>Habits beat motivation.</p>',
					slug: 'five-habits',
					page_title: 'Five habits of steady coaches',
					page_description: 'Small routines that keep a coaching practice growing.',
					published_at: at(200),
					created_at: at(190),
					updated_at: at(200),
					image_url: null,
					image_alt_text: null,
					tags: ['habits'],
				},
			},
			{
				id: '1302',
				siteId: SITE_MAIN,
				blogId: '1350',
				attributes: {
					title: 'Announcing the Inner Circle',
					url: 'https://northwind.kajabi-stand-in.test/blog/inner-circle',
					content: '<p>Doors open on Monday.</p>',
					slug: 'inner-circle',
					page_title: 'Announcing the Inner Circle',
					page_description: 'Our membership opens.',
					published_at: null,
					created_at: at(400),
					updated_at: at(401),
					image_url: null,
					image_alt_text: null,
					tags: [],
				},
			},
			{
				id: '1311',
				siteId: SITE_YOGA,
				blogId: '1360',
				attributes: {
					title: 'Breathing before class',
					url: 'https://harbor-yoga.kajabi-stand-in.test/blog/breathing',
					content: '<p>Slow down.</p>',
					slug: 'breathing',
					page_title: 'Breathing before class',
					page_description: 'Three minutes that change a class.',
					published_at: at(300),
					created_at: at(290),
					updated_at: at(300),
					image_url: null,
					image_alt_text: null,
					tags: ['breath'],
				},
			},
		],
		landingPages: [
			landingPage('1401', SITE_MAIN, 'Spring Webinar', 'spring-webinar', at(150)),
			landingPage('1402', SITE_MAIN, 'Free Guide', 'free-guide', null),
			landingPage('1411', SITE_YOGA, 'Beginner Week', 'beginner-week', at(160)),
		],
		websitePages: [
			websitePage('1501', SITE_MAIN, 'Home', ''),
			websitePage('1502', SITE_MAIN, 'About', 'about'),
			websitePage('1511', SITE_YOGA, 'Home', ''),
		],
		podcasts: [
			{
				id: '1601',
				siteId: SITE_MAIN,
				attributes: {
					title: 'Northwind Coaching Hour',
					description: 'Weekly conversations about coaching.',
					language: 'en',
					owner_email: 'podcast@example.com',
					author: 'Morgan Lee',
					status: 'ready',
					show_type: 'episodic',
					thumbnail_url: null,
					cover_art_url: null,
					categories: ['Business'],
					directories: [],
					migrated_to_url: null,
					migrated: false,
					public: true,
					ready: true,
					distribution_ready: true,
					url: 'https://northwind.kajabi-stand-in.test/podcasts/coaching-hour',
					created_at: at(100),
					updated_at: at(120),
				},
			},
		],
		payouts: [
			payout('payout_1701', SITE_MAIN, 'Paid', 1450.5, at(500)),
			payout('payout_1702', SITE_MAIN, 'In Transit', 310.0, at(700)),
			payout('payout_1711', SITE_YOGA, 'Paid', 99.0, at(520)),
		],
	};
}

function landingPage(id, siteId, title, slug, publishAt) {
	return {
		id,
		siteId,
		attributes: {
			title,
			url: `${siteHost(siteId)}/pages/${slug}`,
			publish_at: publishAt,
			created_at: at(140),
			updated_at: at(141),
		},
	};
}

function websitePage(id, siteId, title, slug) {
	return {
		id,
		siteId,
		attributes: {
			title,
			url: `${siteHost(siteId)}/${slug}`,
			created_at: at(10),
			updated_at: at(11),
		},
	};
}

function payout(id, siteId, status, amount, initiated) {
	return {
		id,
		siteId,
		attributes: {
			status,
			amount,
			currency: 'USD',
			initiated_date: initiated,
			estimated_arrival_date: new Date(Date.parse(initiated) + 7 * 24 * HOUR).toISOString(),
			bank_account: 'Example Bank - 6789',
		},
		transactions: [
			{
				transaction_type: 'Sale',
				pricing_type: 'One-time',
				sales_tax: 0.0,
				amount,
				currency: 'USD',
				fee: Math.round(amount * 2.9) / 100,
				net: Math.round(amount * 97.1) / 100,
				customer_id: 8001,
				customer_name: 'Ava Martinez',
				customer_email: 'ava.martinez@example.com',
				offer_ids: [4002],
				offer_titles: ['Coaching Program'],
				provider: 'Kajabi Payments',
				payment_method: 'Visa',
				created_at: initiated,
				coupon_used: null,
				presented_amount: amount,
				presented_currency: 'USD',
				exchange_rate: 1.0,
				quantity: 1,
				order_number: '1001',
			},
		],
	};
}

function courses() {
	return [
		{
			id: '7001',
			siteId: SITE_MAIN,
			productId: '6002',
			publishStatus: 'published',
			attributes: {
				created_at: at(30),
				title: 'Coaching Program',
				description: 'Twelve weeks of coaching, module by module.',
				thumbnail_url: null,
			},
			modules: [
				{
					id: '7101',
					attributes: {
						title: 'Foundations',
						description: 'Where we start.',
						position: '1',
						poster_image_url: null,
						publishing_option: 'published',
					},
					lessons: [
						{ id: '7201', attributes: lesson('Welcome', '1') },
						{ id: '7202', attributes: lesson('Setting goals', '2') },
					],
				},
				{
					id: '7102',
					attributes: {
						title: 'Momentum',
						description: null,
						position: '2',
						poster_image_url: null,
						publishing_option: 'draft',
					},
					lessons: [{ id: '7203', attributes: lesson('Weekly review', '1') }],
				},
			],
		},
		{
			id: '7002',
			siteId: SITE_MAIN,
			productId: '6004',
			publishStatus: 'published',
			attributes: {
				created_at: at(40),
				title: 'Workshop Replay',
				description: 'The recorded spring workshop.',
				thumbnail_url: null,
			},
			modules: [],
		},
		{
			id: '7011',
			siteId: SITE_YOGA,
			productId: '6011',
			publishStatus: 'draft',
			attributes: {
				created_at: at(50),
				title: 'Yoga Basics',
				description: 'Ten short classes.',
				thumbnail_url: null,
			},
			modules: [],
		},
	];
}

function lesson(title, position) {
	return { title, position, status: 'ready', publishing_option: 'published' };
}

/** Fresh default data; each call returns new objects, so a stand-in can change its own copy. */
function defaultSeed() {
	const contacts = PEOPLE.map(contactRecord);
	const byId = Object.fromEntries(contacts.map((contact) => [contact.id, contact]));

	const forms = [
		form(
			'2001',
			SITE_MAIN,
			'Spring Webinar Signup',
			{
				fieldIds: ['2101', '2102', '2103', '2104'],
				tagIds: ['3002'],
			},
			60,
		),
		form(
			'2002',
			SITE_MAIN,
			'Free Guide Download',
			{
				fieldIds: ['2101', '2102'],
				tagIds: ['3007'],
				offerId: '4001',
			},
			62,
		),
		form(
			'2003',
			SITE_MAIN,
			'Free Guide (Partner Page)',
			{
				fieldIds: ['2101', '2102', '2105'],
				tagIds: ['3007', '3006'],
				offerId: '4001',
			},
			64,
		),
		form(
			'2011',
			SITE_YOGA,
			'Class Waitlist',
			{
				fieldIds: ['2111', '2112'],
				tagIds: ['3012'],
				default: true,
			},
			66,
		),
	];

	return {
		me: { id: '77', name: 'Morgan Lee', email: 'morgan.lee@example.com', roleLevel: 'OWNER' },
		apiKeys: [OWNER_KEY, FORMS_ONLY_KEY].map((key) => ({
			...key,
			permissions: [...key.permissions],
		})),
		sites: [
			{
				id: SITE_MAIN,
				attributes: {
					title: 'Northwind Coaching',
					subdomain: 'northwind',
					created_at: at(-900),
					updated_at: at(-10),
				},
			},
			{
				id: SITE_YOGA,
				attributes: {
					title: 'Harbor Yoga Studio',
					subdomain: 'harbor-yoga',
					created_at: at(-600),
					updated_at: at(-5),
				},
			},
		],
		contacts,
		contactTags: [
			['3001', SITE_MAIN, 'Lead'],
			['3002', SITE_MAIN, 'Webinar Attendee'],
			['3003', SITE_MAIN, 'Customer'],
			['3004', SITE_MAIN, 'VIP'],
			['3005', SITE_MAIN, 'Newsletter'],
			['3006', SITE_MAIN, 'Partner Referral'],
			['3007', SITE_MAIN, 'Free Guide'],
			// Given by the example workflow to every lead it has routed.
			['3008', SITE_MAIN, 'Routed by n8n'],
			['3011', SITE_YOGA, 'Student'],
			['3012', SITE_YOGA, 'Waitlist'],
		].map(([id, siteId, name]) => ({ id, siteId, attributes: { name } })),
		offers: [
			offer('4001', SITE_MAIN, 'Free Starter Guide', 'free', 0, ['6001'], 20),
			offer('4002', SITE_MAIN, 'Coaching Program', 'single', 49700, ['6002'], 21),
			offer(
				'4003',
				SITE_MAIN,
				'Inner Circle Membership',
				'subscription',
				2900,
				['6003', '6002'],
				22,
			),
			offer('4004', SITE_MAIN, 'Workshop Replay', 'single', 4900, ['6004'], 23),
			offer('4011', SITE_YOGA, 'Yoga Basics', 'single', 9900, ['6011'], 24),
		],
		products: [
			product('6001', SITE_MAIN, 'Starter Guide', 'Course', 'Course', 15),
			product('6002', SITE_MAIN, 'Coaching Program', 'Course', 'Course', 16),
			product('6003', SITE_MAIN, 'Inner Circle Community', 'Community', 'Community', 17),
			product('6004', SITE_MAIN, 'Workshop Replay', 'Cohort Course', 'Courses::CohortCourse', 18),
			product('6011', SITE_YOGA, 'Yoga Basics', 'Course', 'Course', 19),
		],
		courses: courses(),
		customers: [
			customer(
				'8001',
				SITE_MAIN,
				'5001',
				{ netRevenue: '497.0', signIns: 14, lastRequestAt: at(900), externalUserId: 'crm-0001' },
				70,
			),
			customer(
				'8002',
				SITE_MAIN,
				'5002',
				{ netRevenue: '0.0', signIns: 2, lastRequestAt: at(400) },
				72,
			),
			customer(
				'8003',
				SITE_MAIN,
				'5003',
				{ netRevenue: '29.0', signIns: 31, lastRequestAt: at(910) },
				74,
			),
			customer('8004', SITE_MAIN, '5004', { netRevenue: '0.0', signIns: 0 }, 76),
			customer(
				'8005',
				SITE_MAIN,
				'5005',
				{ netRevenue: '546.0', signIns: 6, lastRequestAt: at(850) },
				78,
			),
			customer(
				'8006',
				SITE_MAIN,
				'5006',
				{ netRevenue: '29.0', signIns: 3, lastRequestAt: at(600) },
				80,
			),
			customer(
				'8011',
				SITE_YOGA,
				'5025',
				{ netRevenue: '99.0', signIns: 9, lastRequestAt: at(880) },
				82,
			),
		],
		purchases: [
			purchase(
				'9001',
				SITE_MAIN,
				'8001',
				'4002',
				49700,
				'single',
				{ transactionIds: ['9501'] },
				90,
			),
			purchase('9002', SITE_MAIN, '8001', '4001', 0, 'free', {}, 91),
			purchase(
				'9003',
				SITE_MAIN,
				'8002',
				'4004',
				4900,
				'single',
				{
					transactionIds: ['9502', '9503'],
					deactivatedAt: at(130),
					deactivationReason: 'refunded',
				},
				92,
			),
			purchase(
				'9004',
				SITE_MAIN,
				'8003',
				'4003',
				2900,
				'subscription',
				{ transactionIds: ['9504'] },
				93,
			),
			purchase('9005', SITE_MAIN, '8004', '4001', 0, 'free', {}, 94),
			purchase(
				'9006',
				SITE_MAIN,
				'8005',
				'4002',
				49700,
				'single',
				{ transactionIds: ['9505'], couponCode: 'SPRING10' },
				95,
			),
			purchase('9007', SITE_MAIN, '8005', '4004', 4900, 'single', { transactionIds: ['9505'] }, 95),
			purchase(
				'9008',
				SITE_MAIN,
				'8006',
				'4003',
				2900,
				'subscription',
				{
					transactionIds: ['9506'],
					subscriptionStatus: 'canceled',
					deactivatedAt: at(300),
					deactivationReason: 'subscription_canceled',
				},
				96,
			),
			purchase('9011', SITE_YOGA, '8011', '4011', 9900, 'single', { transactionIds: ['9511'] }, 97),
		],
		transactions: [
			transaction('9501', SITE_MAIN, '8001', ['9001'], '4002', 49700, 'charge', 90),
			transaction('9502', SITE_MAIN, '8002', ['9003'], '4004', 4900, 'charge', 92),
			transaction('9503', SITE_MAIN, '8002', ['9003'], '4004', -4900, 'refund', 130),
			transaction('9504', SITE_MAIN, '8003', ['9004'], '4003', 2900, 'subscribe', 93),
			// One checkout, two offers: Kajabi leaves the deprecated offer relationship empty.
			transaction('9505', SITE_MAIN, '8005', ['9006', '9007'], null, 54600, 'charge', 95),
			transaction('9506', SITE_MAIN, '8006', ['9008'], '4003', 2900, 'subscribe', 96),
			transaction('9511', SITE_YOGA, '8011', ['9011'], '4011', 9900, 'charge', 97),
		],
		orders: [
			order('9701', SITE_MAIN, '8001', 1001, ['9801'], ['9501'], 49700, 90),
			order('9702', SITE_MAIN, '8005', 1002, ['9802', '9803'], ['9505'], 54600, 95),
			order('9711', SITE_YOGA, '8011', 2001, ['9811'], ['9511'], 9900, 97),
		],
		orderItems: [
			orderItem('9801', SITE_MAIN, '9701', '4002', 'Coaching Program', 49700, 90),
			orderItem('9802', SITE_MAIN, '9702', '4002', 'Coaching Program', 49700, 95),
			orderItem('9803', SITE_MAIN, '9702', '4004', 'Workshop Replay', 4900, 95),
			orderItem('9811', SITE_YOGA, '9711', '4011', 'Yoga Basics', 9900, 97),
		],
		fields: [
			field('2101', SITE_MAIN, 'Name', 'TextField', 'name', true),
			field('2102', SITE_MAIN, 'Email', 'EmailField', 'email', true),
			field('2103', SITE_MAIN, 'Phone', 'PhoneField', 'phone_number', false),
			field('2104', SITE_MAIN, 'Company', 'TextField', 'custom_1', false),
			field('2105', SITE_MAIN, 'Lead Source', 'SelectBoxField', 'custom_2', false),
			field('2111', SITE_YOGA, 'Name', 'TextField', 'name', true),
			field('2112', SITE_YOGA, 'Email', 'EmailField', 'email', true),
		],
		forms,
		formSubmissions: [
			formSubmission('2501', forms[0], byId['5007'], 110),
			formSubmission('2502', forms[1], byId['5008'], 112),
			formSubmission('2503', forms[2], byId['5009'], 114),
		],
		customFields: [
			customField('1101', SITE_MAIN, 'custom_1', 'Company', 'TextField', false),
			customField('1102', SITE_MAIN, 'custom_2', 'Lead Source', 'SelectBoxField', false),
			customField('1103', SITE_MAIN, 'custom_3', 'Main Goal', 'TextAreaField', false),
			customField('1111', SITE_YOGA, 'custom_1', 'Experience Level', 'TextField', true),
		],
		contactNotes: [
			contactNote('1201', '5001', 'Asked about the coaching payment plan.', 100),
			contactNote('1202', '5001', 'Booked a discovery call for Thursday.', 101),
			contactNote('1203', '5003', 'Prefers email over phone.', 102),
		],
		hooks: [],
		...siteContent(),
	};
}

module.exports = { defaultSeed, OWNER_KEY, FORMS_ONLY_KEY };
