'use strict';

/**
 * Dashboard webhook bodies (the URL pasted into an offer or checkout in Kajabi's dashboard):
 * `{"id": "<uuid>", "event": "purchase.created", "payload": {flat keys}}`, amounts in cents with
 * `_decimal` twins. Kajabi's own test delivery is sent as captured; a real one is built from a
 * purchase in the stand-in's data with the same keys.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { contactOfCustomer, find } = require('./store');

const TEST_DELIVERY_FILE = path.join(
	__dirname,
	'..',
	'..',
	'..',
	'test',
	'fixtures',
	'kajabi',
	'dashboard-purchase.created-test-delivery.json',
);

const COUNTRY_NAMES = { US: 'United States of America', GB: 'United Kingdom', IT: 'Italy' };

function testDelivery() {
	const body = JSON.parse(fs.readFileSync(TEST_DELIVERY_FILE, 'utf8'));
	return { ...body, id: crypto.randomUUID() };
}

function splitName(name) {
	const parts = name.trim().split(/\s+/);
	return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

function decimal(cents) {
	return cents / 100;
}

function subscriptionFields(purchase, offer) {
	if (purchase.subscriptionStatus === null) {
		return {
			subscription_id: null,
			subscription_created_at: null,
			interval_payment_amount: null,
			interval_payment_amount_decimal: null,
			interval_count: null,
			interval: null,
			trial_period_days: null,
		};
	}
	return {
		subscription_id: Number(purchase.id),
		subscription_created_at: purchase.attributes.created_at,
		interval_payment_amount: offer.attributes.price_in_cents,
		interval_payment_amount_decimal: decimal(offer.attributes.price_in_cents),
		interval_count: 1,
		interval: 'month',
		trial_period_days: null,
	};
}

/** A purchase.created body for one of the stand-in's purchases. */
function purchaseCreated(state, purchase) {
	const offer = find(state.offers, purchase.offerId);
	const customer = find(state.customers, purchase.customerId);
	const contact = contactOfCustomer(state, customer);
	const transaction = find(state.transactions, purchase.transactionIds[0]);
	const { attributes: person } = contact;
	const name = splitName(person.name);
	const paid = purchase.attributes.amount_in_cents;

	return {
		id: crypto.randomUUID(),
		event: 'purchase.created',
		payload: {
			affiliate_conversion_id: null,
			affiliate_user_id: null,
			affiliate_user_name: null,
			affiliate_user_email: null,
			contact_address_line_1: person.address_line_1,
			contact_address_line_2: person.address_line_2,
			contact_address_city: person.address_city,
			contact_address_country: person.address_country,
			contact_address_country_name: COUNTRY_NAMES[person.address_country] ?? null,
			contact_address_state: person.address_state,
			contact_address_zip: person.address_zip,
			contact_phone_number: person.phone_number,
			offer_id: Number(offer.id),
			offer_title: offer.attributes.title,
			offer_reference: offer.attributes.token,
			opt_in: purchase.attributes.opt_in,
			trial: false,
			member_id: Number(customer.id),
			member_email: person.email.toLowerCase(),
			member_name: person.name,
			member_first_name: name.first,
			member_last_name: name.last,
			transaction_id: transaction ? Number(transaction.id) : null,
			transaction_created_at: transaction?.attributes.created_at ?? null,
			offer_type: offer.attributes.payment_type,
			subtotal: paid,
			subtotal_decimal: decimal(paid),
			discount_amount: 0,
			discount_amount_decimal: 0,
			amount_paid: paid,
			amount_paid_decimal: decimal(paid),
			currency: purchase.attributes.currency,
			payment_method: paid > 0 ? 'visa' : null,
			payment_processor: paid > 0 ? 'Kajabi Payments' : null,
			coupon_code: purchase.attributes.coupon_code,
			...subscriptionFields(purchase, offer),
			setup_fee: 0,
			setup_fee_decimal: 0,
			quantity: purchase.attributes.quantity,
		},
	};
}

module.exports = { purchaseCreated, testDelivery };
