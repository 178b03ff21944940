'use strict';

/**
 * Relationship endpoints: a contact's tags, and the offers granted to a contact or customer
 * (grant with POST, revoke with DELETE, replace with PATCH). Each answers with the updated
 * list of resource identifiers.
 */

const { ApiError, notFound, relationshipDocument } = require('../lib/jsonApi');
const { identifiersOf, requireRecord } = require('../lib/routing');
const { addTags, removeTags } = require('../lib/events');
const { ensureCustomer, grantOffer, revokeOffer } = require('../lib/commerce');
const { activeOfferIds, customerOfContact, find, nowIso } = require('../lib/store');

function requireSameSite(collection, ids, siteId, type) {
	for (const id of ids) {
		const record = find(collection, id);
		if (!record || record.siteId !== siteId) throw notFound(type, id);
	}
}

function tagsAnswer(ctx, contact) {
	return { status: 200, body: relationshipDocument(ctx, 'contact_tags', contact.tagIds) };
}

function contactTags(ctx) {
	return tagsAnswer(ctx, requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact'));
}

/** Reads the tag ids of a tags request after checking the contact and each tag exist. */
function tagRequest(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact');
	const tagIds = identifiersOf(ctx.body, 'contact_tags');
	requireSameSite(ctx.state.contactTags, tagIds, contact.siteId, 'contact_tag');
	return { contact, tagIds };
}

function touch(contact) {
	contact.attributes.updated_at = nowIso();
}

function addContactTags(ctx) {
	const { contact, tagIds } = tagRequest(ctx);
	if (addTags(ctx.state, ctx.events, contact, tagIds).length > 0) touch(contact);
	return tagsAnswer(ctx, contact);
}

function removeContactTags(ctx) {
	const { contact, tagIds } = tagRequest(ctx);
	if (removeTags(ctx.state, ctx.events, contact, tagIds).length > 0) touch(contact);
	return tagsAnswer(ctx, contact);
}

function replaceContactTags(ctx) {
	const { contact, tagIds } = tagRequest(ctx);
	const stale = contact.tagIds.filter((tagId) => !tagIds.includes(tagId));
	const removed = removeTags(ctx.state, ctx.events, contact, stale);
	const added = addTags(ctx.state, ctx.events, contact, tagIds);
	if (removed.length + added.length > 0) touch(contact);
	return tagsAnswer(ctx, contact);
}

function offersAnswer(ctx, customer) {
	const ids = customer ? activeOfferIds(ctx.state, customer.id) : [];
	return { status: 200, body: relationshipDocument(ctx, 'offers', ids) };
}

/** `meta.send_customer_welcome_email`: true unless the request says false. */
function welcomeEmailWanted(body) {
	const flag = body?.meta?.send_customer_welcome_email;
	if (flag === undefined) return true;
	if (typeof flag !== 'boolean') {
		throw new ApiError(
			400,
			'send_customer_welcome_email must be a boolean',
			'/meta/send_customer_welcome_email',
		);
	}
	return flag;
}

function offerRequest(ctx, siteId) {
	const offerIds = identifiersOf(ctx.body, 'offers');
	requireSameSite(ctx.state.offers, offerIds, siteId, 'offer');
	return offerIds;
}

function grant(ctx, customer, offerIds, { welcomeEmail }) {
	for (const offerId of offerIds) {
		const granted = grantOffer(ctx.state, customer, find(ctx.state.offers, offerId));
		if (granted && welcomeEmail) {
			ctx.state.welcomeEmails.push({ contactId: customer.contactId, offerId, sentAt: nowIso() });
		}
	}
}

function revoke(ctx, customer, offerIds) {
	for (const offerId of offerIds) revokeOffer(ctx.state, customer, offerId);
}

function contactOffers(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact');
	return offersAnswer(ctx, customerOfContact(ctx.state, contact.id));
}

function grantContactOffers(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact');
	const offerIds = offerRequest(ctx, contact.siteId);
	const welcomeEmail = welcomeEmailWanted(ctx.body);

	// A grant makes the contact a customer when it is not one yet.
	const customer = ensureCustomer(ctx.state, contact);
	grant(ctx, customer, offerIds, { welcomeEmail });
	return offersAnswer(ctx, customer);
}

function revokeContactOffers(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact');
	const offerIds = offerRequest(ctx, contact.siteId);
	const customer = customerOfContact(ctx.state, contact.id);
	if (customer) revoke(ctx, customer, offerIds);
	return offersAnswer(ctx, customer);
}

function replace(ctx, customer, offerIds, options) {
	const current = activeOfferIds(ctx.state, customer.id);
	revoke(
		ctx,
		customer,
		current.filter((offerId) => !offerIds.includes(offerId)),
	);
	grant(
		ctx,
		customer,
		offerIds.filter((offerId) => !current.includes(offerId)),
		options,
	);
}

function replaceContactOffers(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.contact_id, 'contact');
	const offerIds = offerRequest(ctx, contact.siteId);
	const welcomeEmail = welcomeEmailWanted(ctx.body);

	const customer =
		offerIds.length > 0
			? ensureCustomer(ctx.state, contact)
			: customerOfContact(ctx.state, contact.id);
	if (customer) replace(ctx, customer, offerIds, { welcomeEmail });
	return offersAnswer(ctx, customer);
}

function customerOffers(ctx) {
	return offersAnswer(ctx, requireRecord(ctx.state.customers, ctx.params.customer_id, 'customer'));
}

// The spec describes no welcome email for grants made through a customer.
function grantCustomerOffers(ctx) {
	const customer = requireRecord(ctx.state.customers, ctx.params.customer_id, 'customer');
	grant(ctx, customer, offerRequest(ctx, customer.siteId), { welcomeEmail: false });
	return offersAnswer(ctx, customer);
}

function revokeCustomerOffers(ctx) {
	const customer = requireRecord(ctx.state.customers, ctx.params.customer_id, 'customer');
	revoke(ctx, customer, offerRequest(ctx, customer.siteId));
	return offersAnswer(ctx, customer);
}

function replaceCustomerOffers(ctx) {
	const customer = requireRecord(ctx.state.customers, ctx.params.customer_id, 'customer');
	replace(ctx, customer, offerRequest(ctx, customer.siteId), { welcomeEmail: false });
	return offersAnswer(ctx, customer);
}

const CONTACT_TAGS = '/v1/contacts/{contact_id}/relationships/tags';
const CONTACT_OFFERS = '/v1/contacts/{contact_id}/relationships/offers';
const CUSTOMER_OFFERS = '/v1/customers/{customer_id}/relationships/offers';

module.exports = [
	{ method: 'GET', path: CONTACT_TAGS, permission: 'view:contacts', handler: contactTags },
	{ method: 'POST', path: CONTACT_TAGS, permission: 'manage:contacts', handler: addContactTags },
	{
		method: 'DELETE',
		path: CONTACT_TAGS,
		permission: 'manage:contacts',
		handler: removeContactTags,
	},
	{
		method: 'PATCH',
		path: CONTACT_TAGS,
		permission: 'manage:contacts',
		handler: replaceContactTags,
	},
	{ method: 'GET', path: CONTACT_OFFERS, permission: 'view:contacts', handler: contactOffers },
	{
		method: 'POST',
		path: CONTACT_OFFERS,
		permission: 'manage:contacts',
		handler: grantContactOffers,
	},
	{
		method: 'DELETE',
		path: CONTACT_OFFERS,
		permission: 'manage:contacts',
		handler: revokeContactOffers,
	},
	{
		method: 'PATCH',
		path: CONTACT_OFFERS,
		permission: 'manage:contacts',
		handler: replaceContactOffers,
	},
	{ method: 'GET', path: CUSTOMER_OFFERS, permission: 'view:customers', handler: customerOffers },
	{
		method: 'POST',
		path: CUSTOMER_OFFERS,
		permission: 'manage:customers',
		handler: grantCustomerOffers,
	},
	{
		method: 'DELETE',
		path: CUSTOMER_OFFERS,
		permission: 'manage:customers',
		handler: revokeCustomerOffers,
	},
	{
		method: 'PATCH',
		path: CUSTOMER_OFFERS,
		permission: 'manage:customers',
		handler: replaceCustomerOffers,
	},
];
