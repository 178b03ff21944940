'use strict';

/**
 * The stand-in's data: plain arrays of records, one per Kajabi resource type, plus the small
 * lookups every route needs. Records keep Kajabi's attribute names so serialising is a copy.
 */

const { defaultSeed } = require('./seed');

const COLLECTIONS = [
	'sites',
	'contacts',
	'contactTags',
	'offers',
	'products',
	'courses',
	'customers',
	'purchases',
	'transactions',
	'orders',
	'orderItems',
	'fields',
	'forms',
	'formSubmissions',
	'customFields',
	'contactNotes',
	'hooks',
	'blogPosts',
	'landingPages',
	'websitePages',
	'podcasts',
	'payouts',
	'apiKeys',
];

/**
 * `seed` may be a function that receives the default data and returns the data to use, or an
 * object whose collections replace the default ones.
 */
function createState(seed) {
	const defaults = defaultSeed();
	const data = typeof seed === 'function' ? seed(defaults) : { ...defaults, ...(seed ?? {}) };

	const state = { me: data.me, welcomeEmails: [] };
	for (const name of COLLECTIONS) state[name] = Array.isArray(data[name]) ? data[name] : [];
	return state;
}

function find(collection, id) {
	return collection.find((record) => record.id === String(id));
}

/** The next free numeric id in a collection, as a string, as Kajabi's ids are. */
function nextId(collection) {
	const highest = collection.reduce((max, record) => Math.max(max, Number(record.id) || 0), 0);
	return String(highest + 1);
}

function nowIso() {
	return new Date().toISOString();
}

function customerOfContact(state, contactId) {
	return state.customers.find((customer) => customer.contactId === contactId);
}

function contactOfCustomer(state, customer) {
	return find(state.contacts, customer.contactId);
}

function isActivePurchase(purchase) {
	return purchase.attributes.deactivated_at === null;
}

function purchasesOfCustomer(state, customerId) {
	return state.purchases.filter((purchase) => purchase.customerId === customerId);
}

/** Offers a customer holds now: one per active purchase or grant, without repeats. */
function activeOfferIds(state, customerId) {
	const ids = purchasesOfCustomer(state, customerId)
		.filter(isActivePurchase)
		.map((purchase) => purchase.offerId);
	return [...new Set(ids)];
}

function productIdsOfCustomer(state, customerId) {
	const ids = activeOfferIds(state, customerId).flatMap(
		(offerId) => find(state.offers, offerId)?.productIds ?? [],
	);
	return [...new Set(ids)];
}

function hasLiveSubscription(state, customerId) {
	return purchasesOfCustomer(state, customerId).some(
		(purchase) => purchase.subscriptionStatus === 'active' && isActivePurchase(purchase),
	);
}

function customFieldHandles(state, siteId) {
	return state.customFields
		.filter((customField) => customField.siteId === siteId)
		.map((customField) => customField.attributes.handle);
}

module.exports = {
	activeOfferIds,
	contactOfCustomer,
	createState,
	customFieldHandles,
	customerOfContact,
	find,
	hasLiveSubscription,
	isActivePurchase,
	nextId,
	nowIso,
	productIdsOfCustomer,
};
