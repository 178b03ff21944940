'use strict';

/**
 * The deliveries the demo and the end-to-end suite post to the Kajabi Trigger: every body shape
 * Kajabi is known to send, built from the real samples in `test/fixtures/kajabi/`, each with
 * what the example workflow should make of it.
 *
 * The example routes form 2001 to `webinar`, forms 2002 and 2003 to `free-guide`, and anything
 * else (other forms, purchases, payments, orders, tags) to the default campaign `newsletter`.
 */

const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'kajabi');

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

function fixtureText(name) {
	return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function fixture(name) {
	return JSON.parse(fixtureText(name));
}

const byRule = (formId, campaign) => new RegExp(`^form id ${formId} → ${campaign}$`);
const byDefault = /^default campaign \(/;

/**
 * A form_submission API hook envelope, the spec's sample with its person and form replaced.
 * Only these fields differ between the submissions, as they would between real ones.
 */
function formSubmission({ email, name, phone = null, formId, formTitle }) {
	const envelope = fixture('openapi-form_submission-envelope-reconstructed.json');
	const submission = envelope.payload.find((resource) => resource.type === 'form_submissions');
	const form = envelope.payload.find((resource) => resource.type === 'forms');

	submission.attributes.email = email;
	submission.attributes.name = name;
	submission.attributes.phone_number = phone;
	submission.relationships.form.data.id = formId;
	form.id = formId;
	form.attributes.title = formTitle;
	form.attributes.url = form.attributes.url.replace(/\/forms\/\d+$/, `/forms/${formId}`);
	return JSON.stringify(envelope);
}

/** Kajabi's dashboard Purchase Created body, sent form-encoded as some relays forward it. */
function formEncodedPurchase() {
	const delivery = fixture('dashboard-purchase.created-test-delivery.json');
	const payload = {
		...delivery.payload,
		member_email: 'Grace.Hopper@Example.org',
		member_name: 'Grace Hopper',
		member_first_name: 'Grace',
		member_last_name: 'Hopper',
		contact_phone_number: '(212) 555-0187',
		offer_id: 4401,
		offer_title: 'Compiler Masterclass',
		transaction_id: 5550001,
	};
	const fields = new URLSearchParams({
		id: '0c6f2e4a-7d1b-4a8e-9f3c-2b5d6e7f8a90',
		event: delivery.event,
	});
	for (const [key, value] of Object.entries(payload)) {
		if (value !== null) fields.append(`payload[${key}]`, String(value));
	}
	return fields.toString();
}

/**
 * Deliveries that each start one execution and give one lead.
 * `expect` holds what a user checks: the Trigger's item (event, source, form, contact) and
 * the route (campaign, routedBy), and whether the lead gets an SMS.
 */
function leadDeliveries() {
	return [
		{
			name: 'API hook form_submission (spec sample, form 0)',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-form_submission-envelope-reconstructed.json'),
			expect: {
				event: 'form_submission',
				source: 'api_hook',
				formId: '0',
				email: 'john.doe@example.com',
				phone: null,
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'API hook purchase',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-purchase-envelope-reconstructed.json'),
			expect: {
				event: 'purchase',
				source: 'api_hook',
				formId: null,
				email: 'john.doe@example.com',
				phone: null,
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'API hook payment_succeeded',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-payment_succeeded-envelope-reconstructed.json'),
			expect: {
				event: 'payment_succeeded',
				source: 'api_hook',
				formId: null,
				email: 'john.doe@example.com',
				phone: null,
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'API hook order_created',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-order_created-envelope-reconstructed.json'),
			expect: {
				event: 'order_created',
				source: 'api_hook',
				formId: null,
				email: 'john.doe@example.com',
				phone: null,
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'API hook tag_added',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-tag_added-envelope-reconstructed.json'),
			expect: {
				event: 'tag_added',
				source: 'api_hook',
				formId: null,
				email: 'sample@example.com',
				phone: '+15555555555',
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'API hook tag_removed',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-tag_removed-envelope-reconstructed.json'),
			expect: {
				event: 'tag_removed',
				source: 'api_hook',
				formId: null,
				email: 'sample@example.com',
				phone: '+15555555555',
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'dashboard purchase.created (Kajabi test delivery)',
			contentType: JSON_TYPE,
			body: fixtureText('dashboard-purchase.created-test-delivery.json'),
			expect: {
				event: 'purchase.created',
				source: 'dashboard',
				formId: null,
				email: 'test.student@example.com',
				phone: '+19495551212',
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'bare payload array (form_submission sample)',
			contentType: JSON_TYPE,
			body: fixtureText('openapi-form_submission_sample-payload-array.json'),
			expect: {
				event: 'form_submission',
				source: 'payload_array',
				formId: '0',
				email: 'john.doe@example.com',
				phone: null,
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'form-encoded dashboard purchase.created',
			contentType: FORM_TYPE,
			body: formEncodedPurchase(),
			expect: {
				event: 'purchase.created',
				source: 'dashboard',
				formId: null,
				email: 'grace.hopper@example.org',
				phone: '+12125550187',
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
		{
			name: 'form 2001 submission (webinar)',
			contentType: JSON_TYPE,
			body: formSubmission({
				email: 'Ada.Lovelace@Example.COM',
				name: 'Ada Lovelace',
				phone: '(415) 555-0134',
				formId: '2001',
				formTitle: 'Live Webinar Registration',
			}),
			expect: {
				event: 'form_submission',
				source: 'api_hook',
				formId: '2001',
				email: 'ada.lovelace@example.com',
				phone: '+14155550134',
				campaign: 'webinar',
				routedBy: byRule('2001', 'webinar'),
			},
		},
		{
			name: 'form 2002 submission (free guide)',
			contentType: JSON_TYPE,
			body: formSubmission({
				email: 'alan.turing@example.net',
				name: 'Alan Turing',
				phone: '+44 20 7946 0958',
				formId: '2002',
				formTitle: 'Free Guide Download',
			}),
			expect: {
				event: 'form_submission',
				source: 'api_hook',
				formId: '2002',
				email: 'alan.turing@example.net',
				phone: '+442079460958',
				campaign: 'free-guide',
				routedBy: byRule('2002', 'free-guide'),
			},
		},
		{
			name: 'form 2003 submission without phone (free guide)',
			contentType: JSON_TYPE,
			body: formSubmission({
				email: 'Katherine.Johnson@Example.com',
				name: 'Katherine Johnson',
				phone: null,
				formId: '2003',
				formTitle: 'Free Guide: Second Edition',
			}),
			expect: {
				event: 'form_submission',
				source: 'api_hook',
				formId: '2003',
				email: 'katherine.johnson@example.com',
				phone: null,
				campaign: 'free-guide',
				routedBy: byRule('2003', 'free-guide'),
			},
		},
		{
			name: 'form 9999 submission (not in the Router’s form table)',
			contentType: JSON_TYPE,
			body: formSubmission({
				email: 'margaret.hamilton@example.com',
				name: 'Margaret Hamilton',
				phone: '617-555-0199',
				formId: '9999',
				formTitle: 'Contact Us',
			}),
			expect: {
				event: 'form_submission',
				source: 'api_hook',
				formId: '9999',
				email: 'margaret.hamilton@example.com',
				phone: '+16175550199',
				campaign: 'newsletter',
				routedBy: byDefault,
			},
		},
	];
}

/**
 * Bodies the Trigger refuses with 400 and `{ error: { code, message } }`, starting nothing.
 * The Trigger reads the bytes itself, so even a broken JSON body labelled application/json
 * gets its answer rather than n8n's own 422.
 */
function rejectedDeliveries() {
	return [
		{
			name: 'invalid JSON',
			contentType: JSON_TYPE,
			body: '{"event": "form_submission", ',
			code: 'not_json',
		},
		{ name: 'empty body', contentType: JSON_TYPE, body: '', code: 'empty_body' },
		{
			name: 'plain text that is not JSON',
			contentType: 'text/plain',
			body: 'hello Kajabi',
			code: 'not_json',
		},
	];
}

/** `jane.doe@example.com` becomes `j***@example.com`, for output a person may share. */
function maskEmail(email) {
	if (typeof email !== 'string' || !email.includes('@')) return '–';
	const [local, domain] = email.split('@');
	// Two letters, so that Ava's and Ada's rows in the demo's table do not look alike.
	return `${local.slice(0, 2)}***@${domain}`;
}

function isTagChange(delivery) {
	return delivery.expect.event.startsWith('tag_');
}

/** The deliveries of the events the example workflow listens to: forms, purchases, payments, orders. */
function exampleDeliveries() {
	return leadDeliveries().filter((delivery) => !isTagChange(delivery));
}

/** tag_added and tag_removed, which the example workflow answers and drops. */
function tagChangeDeliveries() {
	return leadDeliveries().filter(isTagChange);
}

module.exports = {
	FIXTURES,
	exampleDeliveries,
	formSubmission,
	leadDeliveries,
	tagChangeDeliveries,
	maskEmail,
	rejectedDeliveries,
};
