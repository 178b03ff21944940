'use strict';

/**
 * Many Kajabi deliveries, each a different person, built from the real samples in
 * `test/fixtures/kajabi/`: every API hook event, a bare payload array and the dashboard's
 * Purchase Created, in turn. No two bodies share their bytes, as in real traffic, so the
 * Trigger's duplicate window never mistakes one for a replay. The benchmarks and the
 * reliability suite post these.
 */

const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'kajabi');

const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

const API_EVENTS = [
	'form_submission',
	'purchase',
	'payment_succeeded',
	'order_created',
	'tag_added',
	'tag_removed',
];
const TEMPLATES = [
	...API_EVENTS.map((event) => fixture(`openapi-${event}-envelope-reconstructed.json`)),
	fixture('openapi-form_submission_sample-payload-array.json'),
	fixture('dashboard-purchase.created-test-delivery.json'),
];

/** The forms the benchmark and test workflows route: 9999 is in no table. */
const FORM_IDS = ['2001', '2002', '2003', '9999'];
const CAMPAIGN_OF_FORM = { 2001: 'webinar', 2002: 'free-guide', 2003: 'free-guide' };
const DEFAULT_CAMPAIGN = 'newsletter';
/** That table as the Campaign Router's rules, forms in order. */
const FORM_RULES = Object.entries(CAMPAIGN_OF_FORM).map(([form, campaign]) => ({ form, campaign }));
/** The Campaign Router's parameters for it: one output per campaign, the default for the rest. */
const ROUTER_PARAMETERS = {
	mode: 'outputPerCampaign',
	matchFormBy: 'id',
	rules: { rule: FORM_RULES },
	defaultCampaign: DEFAULT_CAMPAIGN,
	options: { itemsWithoutForm: 'defaultCampaign' },
};

/**
 * Delivery number `i`: its body object, the email the lead should carry (lower-cased), its
 * form id (null for events without a form) and the campaign the routing table gives it.
 */
function distinctDelivery(i) {
	const body = structuredClone(TEMPLATES[i % TEMPLATES.length]);
	const resources = Array.isArray(body) ? body : body.payload;
	let formId = null;
	let email;

	if (Array.isArray(resources)) {
		email = `Lead.${i}@Example.com`;
		for (const resource of resources) {
			if (resource.attributes?.email) resource.attributes.email = email;
			if (resource.type === 'form_submissions') {
				formId = FORM_IDS[i % FORM_IDS.length];
				resource.id = String(10_000 + i);
				resource.attributes.phone_number = `415555${String(i % 10_000).padStart(4, '0')}`;
				resource.relationships.form.data.id = formId;
			}
		}
	} else {
		email = `Buyer.${i}@Example.com`;
		body.id = `bench-${i}`;
		body.payload.member_email = email;
	}

	return {
		body,
		email: email.toLowerCase(),
		formId,
		campaign: CAMPAIGN_OF_FORM[formId] ?? DEFAULT_CAMPAIGN,
	};
}

/** `count` deliveries from number `start` on, each with its JSON text ready to post. */
function distinctDeliveries(count, { start = 0 } = {}) {
	const deliveries = [];
	for (let i = start; i < start + count; i++) {
		const delivery = distinctDelivery(i);
		deliveries.push({ ...delivery, text: JSON.stringify(delivery.body) });
	}
	return deliveries;
}

module.exports = {
	CAMPAIGN_OF_FORM,
	DEFAULT_CAMPAIGN,
	FORM_IDS,
	FORM_RULES,
	ROUTER_PARAMETERS,
	distinctDeliveries,
	distinctDelivery,
};
