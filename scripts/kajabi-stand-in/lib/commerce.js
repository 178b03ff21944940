'use strict';

/**
 * Customers, grants, purchases, payments and orders: the record changes behind offer grants
 * through the API and behind the control interface's simulated checkouts.
 */

const { decimalString, formatCents } = require('./money');
const { customerOfContact, find, isActivePurchase, nextId, nowIso } = require('./store');

/** The contact's customer record, created (as a grant or a purchase would) when missing. */
function ensureCustomer(state, contact) {
	const existing = customerOfContact(state, contact.id);
	if (existing) return existing;

	const now = nowIso();
	const customer = {
		id: nextId(state.customers),
		siteId: contact.siteId,
		contactId: contact.id,
		attributes: {
			avatar: null,
			external_user_id: contact.attributes.external_user_id ?? null,
			public_bio: null,
			public_location: null,
			public_website: null,
			socials: null,
			net_revenue: '0.0',
			sign_in_count: 0,
			last_request_at: null,
			bounced_at: null,
			created_at: now,
			updated_at: now,
		},
	};
	state.customers.push(customer);
	return customer;
}

function newPurchase(state, customer, offer, { amountInCents, couponCode = null, source = null }) {
	const now = nowIso();
	const paymentType = offer.attributes.payment_type;
	const purchase = {
		id: nextId(state.purchases),
		siteId: customer.siteId,
		customerId: customer.id,
		offerId: offer.id,
		transactionIds: [],
		subscriptionStatus: paymentType === 'subscription' ? 'active' : null,
		attributes: {
			amount_in_cents: amountInCents,
			payment_type: paymentType,
			multipay_payments_made: null,
			opt_in: false,
			raw_extra_contact_information: {},
			currency: offer.attributes.currency,
			effective_start_at: now,
			cardholder_name: null,
			billing_address_zip: null,
			deactivated_at: null,
			deactivation_reason: null,
			coupon_code: couponCode,
			source,
			referrer: null,
			quantity: 1,
			created_at: now,
			updated_at: now,
		},
	};
	state.purchases.push(purchase);
	return purchase;
}

/** Grants an offer unless the customer holds it already; returns the new grant or null. */
function grantOffer(state, customer, offer) {
	const held = state.purchases.some(
		(purchase) =>
			purchase.customerId === customer.id &&
			purchase.offerId === offer.id &&
			isActivePurchase(purchase),
	);
	if (held) return null;
	return newPurchase(state, customer, offer, { amountInCents: 0, source: 'grant' });
}

function deactivate(purchase, reason) {
	const now = nowIso();
	purchase.attributes.deactivated_at = now;
	purchase.attributes.deactivation_reason = reason;
	purchase.attributes.updated_at = now;
}

/** Revokes an offer: every active purchase or grant of it for this customer is deactivated. */
function revokeOffer(state, customer, offerId) {
	const active = state.purchases.filter(
		(purchase) =>
			purchase.customerId === customer.id &&
			purchase.offerId === offerId &&
			isActivePurchase(purchase),
	);
	for (const purchase of active) deactivate(purchase, 'revoked');
	return active;
}

function addRevenue(customer, cents) {
	const current = Number(customer.attributes.net_revenue ?? 0);
	customer.attributes.net_revenue = decimalString(Math.round(current * 100 + cents) / 100);
	customer.attributes.updated_at = nowIso();
}

/** A succeeded charge covering `purchases`; the deprecated offer link is empty for bundles. */
function recordPayment(state, customer, purchases) {
	const amount = purchases.reduce((sum, purchase) => sum + purchase.attributes.amount_in_cents, 0);
	const transaction = {
		id: nextId(state.transactions),
		siteId: customer.siteId,
		customerId: customer.id,
		purchaseIds: purchases.map((purchase) => purchase.id),
		offerId: purchases.length === 1 ? purchases[0].offerId : null,
		attributes: {
			action: purchases.some((purchase) => purchase.subscriptionStatus) ? 'subscribe' : 'charge',
			state: 'succeeded',
			payment_type: 'charge',
			amount_in_cents: amount,
			sales_tax_in_cents: 0,
			currency: 'USD',
			currency_symbol: '$',
			formatted_amount: formatCents(amount),
			created_at: nowIso(),
		},
	};
	state.transactions.push(transaction);
	for (const purchase of purchases) purchase.transactionIds.push(transaction.id);
	addRevenue(customer, amount);
	return transaction;
}

function moneyAttributes(cents) {
	return {
		currency_code: 'USD',
		total_price_in_cents: cents,
		subtotal_in_cents: cents,
		sales_tax_amount_in_cents: 0,
		discount_amount_in_cents: 0,
		formatted_total_price: formatCents(cents),
		formatted_subtotal: formatCents(cents),
		currency_symbol: '$',
	};
}

function nextOrderNumber(state, siteId) {
	const numbers = state.orders
		.filter((order) => order.siteId === siteId)
		.map((order) => order.attributes.order_number);
	return Math.max(1000, ...numbers) + 1;
}

/** An order with one item per purchase, paid by `transaction`. */
function recordOrder(state, customer, purchases, transaction) {
	const now = nowIso();
	const order = {
		id: nextId(state.orders),
		siteId: customer.siteId,
		customerId: customer.id,
		orderItemIds: [],
		transactionIds: [transaction.id],
		attributes: {
			order_number: nextOrderNumber(state, customer.siteId),
			fulfilled_at: null,
			created_at: now,
			...moneyAttributes(transaction.attributes.amount_in_cents),
		},
	};
	state.orders.push(order);

	for (const purchase of purchases) {
		const offer = find(state.offers, purchase.offerId);
		const item = {
			id: nextId(state.orderItems),
			siteId: customer.siteId,
			orderId: order.id,
			attributes: {
				quantity: 1,
				item_type: 'Offer',
				item_id: Number(offer.id),
				title: offer.attributes.title,
				fulfilled_at: null,
				created_at: now,
				...moneyAttributes(purchase.attributes.amount_in_cents),
			},
		};
		state.orderItems.push(item);
		order.orderItemIds.push(item.id);
	}
	return order;
}

module.exports = {
	deactivate,
	ensureCustomer,
	grantOffer,
	newPurchase,
	recordOrder,
	recordPayment,
	revokeOffer,
};
