'use strict';

/**
 * Purchases (with reactivate, deactivate and cancel_subscription), transactions, orders and
 * order items.
 */

const { ApiError, containsText, includeSet } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer, truthy } = require('../lib/routing');
const serialize = require('../lib/serialize');
const { deactivate } = require('../lib/commerce');
const { contactOfCustomer, find, isActivePurchase, nowIso } = require('../lib/store');

const DAY_MS = 24 * 60 * 60 * 1000;

function byCustomer(record, value) {
	return record.customerId === String(value);
}

function listPurchases(ctx) {
	return listAnswer(
		ctx,
		ctx.state.purchases,
		(purchase) => serialize.purchaseResource(ctx.state, purchase),
		{
			filters: {
				site_id: bySite,
				customer_id: byCustomer,
				active: (purchase, value) => isActivePurchase(purchase) === truthy(value),
				deactivated: (purchase, value) => !isActivePurchase(purchase) === truthy(value),
				referrer: (purchase, value) => containsText(purchase.attributes.referrer, value),
				coupon_code_eq: (purchase, value) => purchase.attributes.coupon_code === value,
			},
			defaultSort: '-created_at',
		},
	);
}

function purchaseAnswer(ctx, purchase) {
	return showAnswer(ctx, serialize.purchaseResource(ctx.state, purchase));
}

function showPurchase(ctx) {
	return purchaseAnswer(ctx, requireRecord(ctx.state.purchases, ctx.params.id, 'purchase'));
}

// Reactivating gives access back; it does not restart a cancelled subscription.
function reactivatePurchase(ctx) {
	const purchase = requireRecord(ctx.state.purchases, ctx.params.id, 'purchase');
	Object.assign(purchase.attributes, {
		deactivated_at: null,
		deactivation_reason: null,
		updated_at: nowIso(),
	});
	return purchaseAnswer(ctx, purchase);
}

// Deactivating removes access; a subscription keeps running until it is cancelled.
function deactivatePurchase(ctx) {
	const purchase = requireRecord(ctx.state.purchases, ctx.params.id, 'purchase');
	if (isActivePurchase(purchase)) deactivate(purchase, 'deactivated');
	return purchaseAnswer(ctx, purchase);
}

function cancelSubscription(ctx) {
	const purchase = requireRecord(ctx.state.purchases, ctx.params.id, 'purchase');
	if (purchase.subscriptionStatus === null) {
		throw new ApiError(422, 'This purchase has no subscription to cancel');
	}
	if (purchase.subscriptionStatus === 'canceled') {
		throw new ApiError(422, 'The subscription is already cancelled');
	}

	purchase.subscriptionStatus = 'canceled';
	deactivate(purchase, 'subscription_canceled');
	return purchaseAnswer(ctx, purchase);
}

function onOrAfter(isoTime, date) {
	return Date.parse(isoTime) >= Date.parse(`${date}T00:00:00Z`);
}

function onOrBefore(isoTime, date) {
	return Date.parse(isoTime) < Date.parse(`${date}T00:00:00Z`) + DAY_MS;
}

function customerNameOrEmail(ctx, transaction, value) {
	const customer = find(ctx.state.customers, transaction.customerId);
	const contact = customer && contactOfCustomer(ctx.state, customer);
	return (
		containsText(contact?.attributes.name, value) || containsText(contact?.attributes.email, value)
	);
}

function listTransactions(ctx) {
	return listAnswer(
		ctx,
		ctx.state.transactions,
		(transaction) => serialize.transactionResource(transaction),
		{
			filters: {
				site_id: bySite,
				customer_id: byCustomer,
				name_or_email: (transaction, value) => customerNameOrEmail(ctx, transaction, value),
				start_date: (transaction, value) => onOrAfter(transaction.attributes.created_at, value),
				end_date: (transaction, value) => onOrBefore(transaction.attributes.created_at, value),
			},
			defaultSort: '-created_at',
		},
	);
}

function transactionIncluded(ctx, transaction) {
	const wanted = includeSet(ctx.query);
	if (wanted.size === 0) return undefined;

	const included = [];
	const customer = find(ctx.state.customers, transaction.customerId);
	if (wanted.has('customer') && customer) {
		included.push(serialize.customerResource(ctx.state, customer, ctx.baseUrl));
	}
	if (wanted.has('purchases')) {
		for (const purchaseId of transaction.purchaseIds) {
			included.push(serialize.purchaseResource(ctx.state, find(ctx.state.purchases, purchaseId)));
		}
	}
	if (wanted.has('offer') && transaction.offerId) {
		included.push(serialize.offerResource(ctx.state, find(ctx.state.offers, transaction.offerId)));
	}
	return included;
}

function showTransaction(ctx) {
	const transaction = requireRecord(ctx.state.transactions, ctx.params.id, 'transaction');
	return showAnswer(
		ctx,
		serialize.transactionResource(transaction),
		transactionIncluded(ctx, transaction),
	);
}

function fulfilmentFilter(record, value) {
	return (record.attributes.fulfilled_at === null) === truthy(value);
}

function listOrders(ctx) {
	return listAnswer(ctx, ctx.state.orders, (order) => serialize.orderResource(order), {
		filters: {
			site_id: bySite,
			customer_id: byCustomer,
			order_number_eq: (order, value) => String(order.attributes.order_number) === value,
			fulfilled_at_null: fulfilmentFilter,
		},
		defaultSort: '-created_at',
	});
}

function orderIncluded(ctx, order) {
	const wanted = includeSet(ctx.query);
	if (wanted.size === 0) return undefined;

	const included = [];
	if (wanted.has('order_items')) {
		for (const itemId of order.orderItemIds) {
			included.push(serialize.orderItemResource(find(ctx.state.orderItems, itemId)));
		}
	}
	const customer = find(ctx.state.customers, order.customerId);
	if (wanted.has('customer') && customer) {
		included.push(serialize.customerResource(ctx.state, customer, ctx.baseUrl));
	}
	if (wanted.has('site'))
		included.push(serialize.siteResource(find(ctx.state.sites, order.siteId)));
	return included;
}

function showOrder(ctx) {
	const order = requireRecord(ctx.state.orders, ctx.params.id, 'order');
	return showAnswer(ctx, serialize.orderResource(order), orderIncluded(ctx, order));
}

function listOrderItems(ctx) {
	return listAnswer(ctx, ctx.state.orderItems, serialize.orderItemResource, {
		filters: {
			site_id: bySite,
			item_type_eq: (item, value) => item.attributes.item_type === value,
			item_id_eq: (item, value) => String(item.attributes.item_id) === value,
			fulfilled_at_null: fulfilmentFilter,
		},
		defaultSort: '-created_at',
	});
}

function showOrderItem(ctx) {
	const item = requireRecord(ctx.state.orderItems, ctx.params.id, 'order_item');
	const included = includeSet(ctx.query).has('order')
		? [serialize.orderResource(find(ctx.state.orders, item.orderId))]
		: undefined;
	return showAnswer(ctx, serialize.orderItemResource(item), included);
}

// `GET /v1/transactions/{id}` documents no 403 in the spec, so it checks no permission.
module.exports = [
	{ method: 'GET', path: '/v1/purchases', permission: 'view:purchases', handler: listPurchases },
	{
		method: 'GET',
		path: '/v1/purchases/{id}',
		permission: 'view:purchases',
		handler: showPurchase,
	},
	{
		method: 'POST',
		path: '/v1/purchases/{id}/reactivate',
		permission: 'manage:purchases',
		handler: reactivatePurchase,
	},
	{
		method: 'POST',
		path: '/v1/purchases/{id}/deactivate',
		permission: 'manage:purchases',
		handler: deactivatePurchase,
	},
	{
		method: 'POST',
		path: '/v1/purchases/{id}/cancel_subscription',
		permission: 'manage:purchases',
		handler: cancelSubscription,
	},
	{
		method: 'GET',
		path: '/v1/transactions',
		permission: 'view:transactions',
		handler: listTransactions,
	},
	{ method: 'GET', path: '/v1/transactions/{id}', handler: showTransaction },
	{ method: 'GET', path: '/v1/orders', permission: 'view:orders', handler: listOrders },
	{ method: 'GET', path: '/v1/orders/{id}', permission: 'view:orders', handler: showOrder },
	{ method: 'GET', path: '/v1/order_items', permission: 'view:orders', handler: listOrderItems },
	{
		method: 'GET',
		path: '/v1/order_items/{id}',
		permission: 'view:orders',
		handler: showOrderItem,
	},
];
