'use strict';

/** Customers: list (filters, search, sort) and show with `include=contact,offers,products`. */

const { containsText, includeSet } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const serialize = require('../lib/serialize');
const { activeOfferIds, contactOfCustomer, find, productIdsOfCustomer } = require('../lib/store');

function contactAttribute(ctx, customer, name) {
	return contactOfCustomer(ctx.state, customer)?.attributes[name] ?? null;
}

function sortValue(ctx) {
	return (customer, field) => {
		if (field === 'name' || field === 'email') return contactAttribute(ctx, customer, field);
		if (field === 'net_revenue') return Number(customer.attributes.net_revenue ?? 0);
		return customer.attributes[field];
	};
}

function filters() {
	const text = (name) => (customer, value, ctx) =>
		containsText(contactAttribute(ctx, customer, name), value);
	return {
		site_id: bySite,
		search: (customer, value, ctx) =>
			text('name')(customer, value, ctx) || text('email')(customer, value, ctx),
		name_contains: text('name'),
		email_contains: text('email'),
		phone_number_contains: text('phone_number'),
		has_offer_id: (customer, value, ctx) =>
			activeOfferIds(ctx.state, customer.id).includes(String(value)),
		has_no_offer_id: (customer, value, ctx) =>
			!activeOfferIds(ctx.state, customer.id).includes(String(value)),
		has_product_id: (customer, value, ctx) =>
			productIdsOfCustomer(ctx.state, customer.id).includes(String(value)),
		net_revenue_greater_than: (customer, value) =>
			Number(customer.attributes.net_revenue ?? 0) > Number(value),
	};
}

function listCustomers(ctx) {
	return listAnswer(
		ctx,
		ctx.state.customers,
		(customer) => serialize.customerResource(ctx.state, customer, ctx.baseUrl, { list: true }),
		{ filters: filters(), defaultSort: '-created_at', sortValue: sortValue(ctx) },
	);
}

/** `filter[offers_search]` / `filter[products_search]` narrow what `include` brings. */
function matchesSearch(ctx, name, ...texts) {
	const search = ctx.query.get(`filter[${name}]`);
	return search === null || texts.some((text) => containsText(text, search));
}

function customerIncluded(ctx, customer) {
	const wanted = includeSet(ctx.query);
	if (wanted.size === 0) return undefined;

	const included = [];
	if (wanted.has('contact')) {
		const contact = contactOfCustomer(ctx.state, customer);
		if (contact) included.push(serialize.contactResource(ctx.state, contact, ctx.baseUrl));
	}
	if (wanted.has('offers')) {
		for (const offerId of activeOfferIds(ctx.state, customer.id)) {
			const offer = find(ctx.state.offers, offerId);
			const { title, internal_title: internalTitle } = offer.attributes;
			if (matchesSearch(ctx, 'offers_search', title, internalTitle)) {
				included.push(serialize.offerResource(ctx.state, offer));
			}
		}
	}
	if (wanted.has('products')) {
		for (const productId of productIdsOfCustomer(ctx.state, customer.id)) {
			const product = find(ctx.state.products, productId);
			if (matchesSearch(ctx, 'products_search', product.attributes.title)) {
				included.push(serialize.productResource(product));
			}
		}
	}
	return included;
}

function showCustomer(ctx) {
	const customer = requireRecord(ctx.state.customers, ctx.params.id, 'customer');
	const resource = serialize.customerResource(ctx.state, customer, ctx.baseUrl);
	return showAnswer(ctx, resource, customerIncluded(ctx, customer));
}

module.exports = [
	{ method: 'GET', path: '/v1/customers', permission: 'view:customers', handler: listCustomers },
	{
		method: 'GET',
		path: '/v1/customers/{id}',
		permission: 'view:customers',
		handler: showCustomer,
	},
];
