'use strict';

/**
 * Contacts: list (filters, search, sort, sparse fields, paging), create, show with
 * `include=offers,tags,customer`, update and delete.
 */

const { addContact, isEmail } = require('../lib/contactRecords');
const { ApiError, containsText, includeSet } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer, truthy } = require('../lib/routing');
const serialize = require('../lib/serialize');
const {
	activeOfferIds,
	customFieldHandles,
	customerOfContact,
	find,
	hasLiveSubscription,
	nowIso,
	productIdsOfCustomer,
} = require('../lib/store');

const DAY_MS = 24 * 60 * 60 * 1000;
const EXTERNAL_ID_TOO_EARLY =
	'external_user_id can only be set once the contact has been granted an offer or made a purchase';

const WRITABLE = [
	'name',
	'email',
	'phone_number',
	'business_number',
	'subscribed',
	'address_line_1',
	'address_line_2',
	'address_city',
	'address_state',
	'address_country',
	'address_zip',
	'external_user_id',
];

function offersOf(ctx, contact) {
	const customer = customerOfContact(ctx.state, contact.id);
	return customer ? activeOfferIds(ctx.state, customer.id) : [];
}

function productsOf(ctx, contact) {
	const customer = customerOfContact(ctx.state, contact.id);
	return customer ? productIdsOfCustomer(ctx.state, customer.id) : [];
}

function netRevenue(ctx, contact) {
	return Number(customerOfContact(ctx.state, contact.id)?.attributes.net_revenue ?? 0);
}

function createdWithinDays(contact, days) {
	return Date.now() - Date.parse(contact.attributes.created_at) <= Number(days) * DAY_MS;
}

function submittedForm(ctx, contact, formId) {
	return ctx.state.formSubmissions.some(
		(submission) => submission.contactId === contact.id && submission.formId === String(formId),
	);
}

function attributeContains(name) {
	return (contact, value) => containsText(contact.attributes[name], value);
}

const FILTERS = {
	site_id: bySite,
	// Kajabi's search is a fuzzy match on name or email; here, a case-insensitive substring.
	search: (contact, value) =>
		containsText(contact.attributes.name, value) || containsText(contact.attributes.email, value),
	name_contains: attributeContains('name'),
	email_contains: attributeContains('email'),
	phone_number_contains: attributeContains('phone_number'),
	mobile_phone_number_contains: attributeContains('mobile_phone_number'),
	address_line_1_contains: attributeContains('address_line_1'),
	address_line_2_contains: attributeContains('address_line_2'),
	address_city_contains: attributeContains('address_city'),
	address_state_contains: attributeContains('address_state'),
	address_country_contains: attributeContains('address_country'),
	address_zip_contains: attributeContains('address_zip'),
	has_tag_id: (contact, value) => contact.tagIds.includes(String(value)),
	has_all_tag_id: (contact, value) =>
		String(value)
			.split(',')
			.every((tagId) => contact.tagIds.includes(tagId.trim())),
	has_no_tag_id: (contact, value) => !contact.tagIds.includes(String(value)),
	subscribed: (contact, value) => contact.attributes.subscribed === truthy(value),
	has_offer_id: (contact, value, ctx) => offersOf(ctx, contact).includes(String(value)),
	has_no_offer_id: (contact, value, ctx) => !offersOf(ctx, contact).includes(String(value)),
	has_product_id: (contact, value, ctx) => productsOf(ctx, contact).includes(String(value)),
	has_active_product_id: (contact, value, ctx) => productsOf(ctx, contact).includes(String(value)),
	has_no_product_id: (contact, value, ctx) => !productsOf(ctx, contact).includes(String(value)),
	submitted_form_id: (contact, value, ctx) => submittedForm(ctx, contact, value),
	no_submitted_form_id: (contact, value, ctx) => !submittedForm(ctx, contact, value),
	created_in_last: (contact, value) => createdWithinDays(contact, value),
	not_created_in_last: (contact, value) => !createdWithinDays(contact, value),
	net_revenue_equal_to: (contact, value, ctx) => netRevenue(ctx, contact) === Number(value),
	net_revenue_greater_than: (contact, value, ctx) => netRevenue(ctx, contact) > Number(value),
	net_revenue_less_than: (contact, value, ctx) => netRevenue(ctx, contact) < Number(value),
};

function listContacts(ctx) {
	// The spec: filter[site_id] "is required when the account has multiple sites".
	if (ctx.state.sites.length > 1 && ctx.query.get('filter[site_id]') === null) {
		throw new ApiError(400, 'filter[site_id] is required when the account has more than one site');
	}
	return listAnswer(
		ctx,
		ctx.state.contacts,
		(contact) => serialize.contactResource(ctx.state, contact, ctx.baseUrl, { list: true }),
		{ filters: FILTERS, defaultSort: '-created_at' },
	);
}

function emailTaken(ctx, siteId, email, exceptId) {
	const wanted = email.toLowerCase();
	return ctx.state.contacts.some(
		(contact) =>
			contact.siteId === siteId &&
			contact.id !== exceptId &&
			contact.attributes.email.toLowerCase() === wanted,
	);
}

/** Checks the attributes a create or update may carry; throws a 422 on the first problem. */
function checkAttributes(ctx, siteId, attributes, { exceptId = null, creating = false } = {}) {
	if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) {
		throw new ApiError(422, 'attributes must be an object', '/data/attributes');
	}

	const allowed = new Set([...WRITABLE, ...customFieldHandles(ctx.state, siteId)]);
	for (const name of Object.keys(attributes)) {
		if (name === 'created_at' || name === 'updated_at') continue;
		if (!allowed.has(name)) {
			throw new ApiError(
				422,
				`${name} is not an attribute of contacts on this site`,
				`/data/attributes/${name}`,
			);
		}
	}

	if (creating || 'email' in attributes) {
		const email = attributes.email;
		if (!isEmail(email)) {
			throw new ApiError(422, 'email must be a valid email address', '/data/attributes/email');
		}
		if (emailTaken(ctx, siteId, email, exceptId)) {
			throw new ApiError(422, 'email has already been taken', '/data/attributes/email');
		}
	}
}

function siteIdOf(body) {
	const id = body?.data?.relationships?.site?.data?.id;
	if (id === undefined || id === null || id === '') {
		throw new ApiError(400, 'Site relationship is required', '/data/relationships/site');
	}
	return String(id);
}

function createContact(ctx) {
	const data = ctx.body?.data;
	if (!data || typeof data !== 'object') throw new ApiError(400, 'data is required', '/data');

	const siteId = siteIdOf(ctx.body);
	if (!find(ctx.state.sites, siteId)) {
		throw new ApiError(422, `site ${siteId} does not exist`, '/data/relationships/site/data/id');
	}
	const attributes = data.attributes ?? {};
	checkAttributes(ctx, siteId, attributes, { creating: true });
	if ('external_user_id' in attributes) {
		throw new ApiError(422, EXTERNAL_ID_TOO_EARLY, '/data/attributes/external_user_id');
	}

	const contact = addContact(ctx.state, siteId, withoutTimestamps(attributes));
	return {
		status: 201,
		body: { data: serialize.contactResource(ctx.state, contact, ctx.baseUrl) },
	};
}

function withoutTimestamps(attributes) {
	return Object.fromEntries(
		Object.entries(attributes).filter(([name]) => name !== 'created_at' && name !== 'updated_at'),
	);
}

function contactIncluded(ctx, contact) {
	const wanted = includeSet(ctx.query);
	const included = [];
	if (wanted.has('offers')) {
		for (const offerId of offersOf(ctx, contact)) {
			included.push(serialize.offerResource(ctx.state, find(ctx.state.offers, offerId)));
		}
	}
	if (wanted.has('tags')) {
		for (const tagId of contact.tagIds) {
			included.push(serialize.contactTagResource(find(ctx.state.contactTags, tagId)));
		}
	}
	const customer = customerOfContact(ctx.state, contact.id);
	if (wanted.has('customer') && customer) {
		included.push(serialize.customerResource(ctx.state, customer, ctx.baseUrl));
	}
	return wanted.size > 0 ? included : undefined;
}

function showContact(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.id, 'contact');
	const resource = serialize.contactResource(ctx.state, contact, ctx.baseUrl);
	return showAnswer(ctx, resource, contactIncluded(ctx, contact));
}

function updateContact(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.id, 'contact');
	const data = ctx.body?.data;
	if (!data || typeof data !== 'object') throw new ApiError(422, 'data is required', '/data');
	if (String(data.id) !== contact.id) {
		throw new ApiError(422, 'data.id must match the contact in the path', '/data/id');
	}

	const attributes = data.attributes ?? {};
	checkAttributes(ctx, contact.siteId, attributes, { exceptId: contact.id });
	const customer = customerOfContact(ctx.state, contact.id);
	if ('external_user_id' in attributes && !customer) {
		throw new ApiError(422, EXTERNAL_ID_TOO_EARLY, '/data/attributes/external_user_id');
	}

	Object.assign(contact.attributes, withoutTimestamps(attributes), { updated_at: nowIso() });
	if (customer && 'external_user_id' in attributes) {
		customer.attributes.external_user_id = attributes.external_user_id;
	}
	return {
		status: 200,
		body: { data: serialize.contactResource(ctx.state, contact, ctx.baseUrl) },
	};
}

function deleteContact(ctx) {
	const contact = requireRecord(ctx.state.contacts, ctx.params.id, 'contact');
	const customer = customerOfContact(ctx.state, contact.id);
	if (customer && hasLiveSubscription(ctx.state, customer.id)) {
		throw new ApiError(422, 'Contact has active Kajabi Payments subscriptions');
	}

	const { state } = ctx;
	state.contacts = state.contacts.filter((candidate) => candidate !== contact);
	state.contactNotes = state.contactNotes.filter((note) => note.contactId !== contact.id);
	if (customer) state.customers = state.customers.filter((candidate) => candidate !== customer);
	return { status: 200, body: { data: {} } };
}

module.exports = [
	{ method: 'GET', path: '/v1/contacts', permission: 'view:contacts', handler: listContacts },
	{ method: 'POST', path: '/v1/contacts', permission: 'manage:contacts', handler: createContact },
	{ method: 'GET', path: '/v1/contacts/{id}', permission: 'view:contacts', handler: showContact },
	{
		method: 'PATCH',
		path: '/v1/contacts/{id}',
		permission: 'manage:contacts',
		handler: updateContact,
	},
	{
		method: 'DELETE',
		path: '/v1/contacts/{id}',
		permission: 'manage:contacts',
		handler: deleteContact,
	},
];
