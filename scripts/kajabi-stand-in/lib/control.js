'use strict';

/**
 * The control interface: what a test or the demo uses to play Kajabi's side (a purchase, a
 * payment, an order, a tag change, a dashboard webhook), to inject faults and to read counters.
 * The same operations are JS methods on `control` and JSON endpoints under `/__control/`, a
 * prefix Kajabi's API does not use.
 */

const crypto = require('node:crypto');

const commerce = require('./commerce');
const { purchaseCreated, testDelivery } = require('./dashboard');
const { addTags, removeTags } = require('./events');
const { find } = require('./store');

const CONTROL_PREFIX = '/__control';

class ControlError extends Error {}

function required(collection, id, type) {
	const record = find(collection, id);
	if (!record) throw new ControlError(`${type} ${id} does not exist`);
	return record;
}

function sameSite(record, contact, type) {
	if (record.siteId !== contact.siteId) {
		throw new ControlError(
			`${type} ${record.id} belongs to another site than contact ${contact.id}`,
		);
	}
	return record;
}

/** A delivery record without its body, for answers that should not repeat personal data. */
function summary(record) {
	return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'body'));
}

function createControl({ state, tokens, faults, deliveries, events, setDown, up }) {
	const offersFor = (contact, offerIds) => {
		if (!Array.isArray(offerIds) || offerIds.length === 0) {
			throw new ControlError('offerIds must be a non-empty array');
		}
		return offerIds.map((offerId) =>
			sameSite(required(state.offers, offerId, 'offer'), contact, 'offer'),
		);
	};

	const buy = (contactId, offerIds, couponCode = null) => {
		const contact = required(state.contacts, contactId, 'contact');
		const offers = offersFor(contact, offerIds);
		const customer = commerce.ensureCustomer(state, contact);
		const purchases = offers.map((offer) =>
			commerce.newPurchase(state, customer, offer, {
				amountInCents: offer.attributes.price_in_cents,
				couponCode,
			}),
		);
		return { contact, customer, purchases };
	};

	const control = {
		/** Counters: requests per path and per operation, token requests and issues, 429s, 5xx. */
		counters() {
			return {
				...structuredClone(faults.counters),
				tokensIssued: tokens.issued,
				deliveries: deliveries.records.length,
			};
		},

		resetCounters() {
			faults.resetCounters();
			tokens.issued = 0;
		},

		/** Deliveries made so far, oldest first: target, status code, attempts, state, body. */
		deliveries({ withBodies = true } = {}) {
			return deliveries.records.map((record) => (withBodies ? { ...record } : summary(record)));
		},

		clearDeliveries() {
			deliveries.records.length = 0;
		},

		waitForDeliveries(count, options) {
			return deliveries.waitFor(count, options);
		},

		idle(options) {
			return deliveries.idle(options);
		},

		/** Sends failed deliveries again (by record id); returns the new records. */
		redeliver(ids) {
			if (!Array.isArray(ids) || !ids.every(Number.isInteger)) {
				throw new ControlError('ids must be an array of delivery record ids');
			}
			return deliveries.redeliver(ids);
		},

		faults() {
			return { ...faults.snapshot(), deliveryRepeat: deliveries.repeat };
		},

		setRateLimit(options) {
			faults.setRateLimit(options);
		},

		clearRateLimit() {
			faults.clearRateLimit();
		},

		failNext(options) {
			faults.failNext(options);
		},

		setLatency(ms) {
			faults.setLatency(ms);
		},

		expireTokens() {
			tokens.expireAll();
		},

		revokeAllTokens() {
			tokens.revokeAll();
		},

		setDeliveryRepeat(times) {
			deliveries.setRepeat(times);
		},

		/** 'unavailable' answers 503 to every API call; 'refused' stops listening. */
		setDown(mode, options) {
			return setDown(mode, options);
		},

		up() {
			return up();
		},

		async resetFaults() {
			// up() listens again only while the faults still say "refused": before the reset.
			await up();
			faults.reset();
			deliveries.setRepeat(1);
		},

		createApiKey({ permissions = [], name = 'Test key' } = {}) {
			if (!Array.isArray(permissions)) throw new ControlError('permissions must be an array');
			const key = {
				name,
				clientId: `standin-${crypto.randomBytes(6).toString('hex')}`,
				clientSecret: crypto.randomBytes(24).toString('base64url'),
				permissions: permissions.map(String),
			};
			state.apiKeys.push(key);
			return {
				clientId: key.clientId,
				clientSecret: key.clientSecret,
				permissions: key.permissions,
			};
		},

		/** Deletes a key; its tokens stop working, as when an owner deletes or rotates a key. */
		deleteApiKey(clientId) {
			const before = state.apiKeys.length;
			state.apiKeys = state.apiKeys.filter((key) => key.clientId !== clientId);
			tokens.revokeWhere((entry) => entry.clientId === clientId);
			return state.apiKeys.length < before;
		},

		/** A purchase of one offer (without its payment); fires `purchase`. */
		createPurchase({ contactId, offerId, couponCode = null }) {
			const { purchases } = buy(contactId, [offerId], couponCode);
			const delivered = events.purchase(purchases[0]);
			return { purchase: purchases[0], deliveries: delivered };
		},

		/** A succeeded payment for a purchase; fires `payment_succeeded`. */
		createPayment({ purchaseId }) {
			const purchase = required(state.purchases, purchaseId, 'purchase');
			const customer = required(state.customers, purchase.customerId, 'customer');
			const transaction = commerce.recordPayment(state, customer, [purchase]);
			return { transaction, deliveries: events.paymentSucceeded(transaction) };
		},

		/** An order for one or more offers, paid in one transaction; fires `order_created`. */
		createOrder({ contactId, offerIds }) {
			const { customer, purchases } = buy(contactId, offerIds);
			const transaction = commerce.recordPayment(state, customer, purchases);
			const order = commerce.recordOrder(state, customer, purchases, transaction);
			return { order, transaction, purchases, deliveries: events.orderCreated(order) };
		},

		/** A whole checkout: fires `purchase` per offer, `payment_succeeded` and `order_created`. */
		checkout({ contactId, offerIds }) {
			const { customer, purchases } = buy(contactId, offerIds);
			const transaction = commerce.recordPayment(state, customer, purchases);
			const order = commerce.recordOrder(state, customer, purchases, transaction);
			const delivered = [
				...purchases.flatMap((purchase) => events.purchase(purchase)),
				...events.paymentSucceeded(transaction),
				...events.orderCreated(order),
			];
			return { order, transaction, purchases, deliveries: delivered };
		},

		addTag({ contactId, tagId }) {
			const contact = required(state.contacts, contactId, 'contact');
			sameSite(required(state.contactTags, tagId, 'contact_tag'), contact, 'contact_tag');
			return { added: addTags(state, events, contact, [String(tagId)]).length === 1 };
		},

		removeTag({ contactId, tagId }) {
			const contact = required(state.contacts, contactId, 'contact');
			required(state.contactTags, tagId, 'contact_tag');
			return { removed: removeTags(state, events, contact, [String(tagId)]).length === 1 };
		},

		/**
		 * Sends a dashboard-style purchase.created body to `url` (loopback only): Kajabi's own
		 * test delivery with `test: true`, else one built from purchase `purchaseId`.
		 */
		sendDashboardPurchase({ url, purchaseId, test = false }) {
			const body = test
				? testDelivery()
				: purchaseCreated(state, required(state.purchases, purchaseId, 'purchase'));
			return deliveries.send({ target: url, body, event: 'purchase.created', kind: 'dashboard' });
		},

		welcomeEmails() {
			return state.welcomeEmails.map((email) => ({ ...email }));
		},
	};
	return control;
}

function numberOr(value, fallback) {
	return value === undefined ? fallback : Number(value);
}

function withoutBodies(records) {
	return records.map(summary);
}

/** `/__control/...` endpoints: [method, path, (control, body) => answer]. */
const HTTP_ROUTES = [
	['GET', '/state', (control) => ({ counters: control.counters(), faults: control.faults() })],
	['GET', '/counters', (control) => control.counters()],
	['POST', '/counters/reset', (control) => control.resetCounters()],
	['GET', '/deliveries', (control) => control.deliveries({ withBodies: false })],
	['DELETE', '/deliveries', (control) => control.clearDeliveries()],
	['POST', '/deliveries/redeliver', (control, body) => withoutBodies(control.redeliver(body.ids))],
	['POST', '/rate-limit', (control, body) => control.setRateLimit(body)],
	['DELETE', '/rate-limit', (control) => control.clearRateLimit()],
	['POST', '/fail-next', (control, body) => control.failNext(body)],
	['POST', '/latency', (control, body) => control.setLatency(numberOr(body.ms, 0))],
	['POST', '/tokens/expire', (control) => control.expireTokens()],
	['POST', '/tokens/revoke-all', (control) => control.revokeAllTokens()],
	[
		'POST',
		'/delivery-repeat',
		(control, body) => control.setDeliveryRepeat(numberOr(body.times, 1)),
	],
	['POST', '/down', (control, body) => control.setDown(body.mode, { durationMs: body.durationMs })],
	['POST', '/up', (control) => control.up()],
	['POST', '/faults/reset', (control) => control.resetFaults()],
	['POST', '/api-keys', (control, body) => control.createApiKey(body)],
	['DELETE', '/api-keys', (control, body) => ({ deleted: control.deleteApiKey(body.clientId) })],
	['POST', '/purchases', (control, body) => control.createPurchase(body)],
	['POST', '/payments', (control, body) => control.createPayment(body)],
	['POST', '/orders', (control, body) => control.createOrder(body)],
	['POST', '/checkouts', (control, body) => control.checkout(body)],
	['POST', '/tags/add', (control, body) => control.addTag(body)],
	['POST', '/tags/remove', (control, body) => control.removeTag(body)],
	[
		'POST',
		'/dashboard/purchase-created',
		(control, body) => withoutBodies(control.sendDashboardPurchase(body)),
	],
	['GET', '/welcome-emails', (control) => control.welcomeEmails()],
];

/** Runs one control endpoint; answers `{status, body}` (errors as `{error}` with 400 or 404). */
async function controlRequest(control, method, pathname, body) {
	const subPath = pathname.slice(CONTROL_PREFIX.length);
	const route = HTTP_ROUTES.find(
		([routeMethod, routePath]) => routeMethod === method && routePath === subPath,
	);
	if (!route) return { status: 404, body: { error: `no control endpoint ${method} ${pathname}` } };

	try {
		const result = await route[2](control, body ?? {});
		return { status: 200, body: withoutDeliveryBodies(result) ?? { ok: true } };
	} catch (error) {
		if (error instanceof ControlError || error instanceof RangeError) {
			return { status: 400, body: { error: error.message } };
		}
		throw error;
	}
}

/** An event result over HTTP lists its deliveries without their bodies. */
function withoutDeliveryBodies(result) {
	const isEventResult =
		result && typeof result === 'object' && !Array.isArray(result) && 'deliveries' in result;
	return isEventResult ? { ...result, deliveries: withoutBodies(result.deliveries) } : result;
}

module.exports = { CONTROL_PREFIX, controlRequest, createControl };
