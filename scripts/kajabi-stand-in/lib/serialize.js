'use strict';

/**
 * Records to JSON:API resources, one function per Kajabi type. The `list` variants leave out
 * what the spec's index schemas leave out (relationship data that only a show answer carries);
 * the `webhook` variants follow the payload samples in the spec, which differ a little from the
 * API's own answers (for example a contact in a tag event carries only its site relationship).
 */

const { identifier } = require('./jsonApi');
const {
	activeOfferIds,
	contactOfCustomer,
	customFieldHandles,
	customerOfContact,
	find,
	productIdsOfCustomer,
} = require('./store');

const CONTACT_FIELDS = [
	'name',
	'email',
	'address_line_1',
	'address_line_2',
	'address_city',
	'address_country',
	'address_state',
	'address_zip',
	'phone_number',
	'business_number',
	'subscribed',
	'external_user_id',
];

function one(type, id) {
	return { data: id === null || id === undefined ? null : identifier(type, id) };
}

function many(type, ids) {
	return { data: ids.map((id) => identifier(type, id)) };
}

function pick(source, names) {
	return Object.fromEntries(names.map((name) => [name, source[name] ?? null]));
}

/** Contact attributes; `custom_N` appear for the custom fields the contact's site defines. */
function contactAttributes(state, contact, { withCustomFields = true } = {}) {
	const attributes = pick(contact.attributes, CONTACT_FIELDS);
	if (withCustomFields) {
		for (const handle of customFieldHandles(state, contact.siteId)) {
			attributes[handle] = contact.attributes[handle] ?? null;
		}
	}
	attributes.created_at = contact.attributes.created_at;
	attributes.updated_at = contact.attributes.updated_at;
	return attributes;
}

function contactResource(state, contact, baseUrl, { list = false } = {}) {
	const customer = customerOfContact(state, contact.id);
	const self = `${baseUrl}/v1/contacts/${contact.id}/relationships`;

	const relationships = { site: one('sites', contact.siteId) };
	relationships.offers = list
		? { links: { self: `${self}/offers` } }
		: {
				...many('offers', customer ? activeOfferIds(state, customer.id) : []),
				links: { self: `${self}/offers` },
			};
	relationships.tags = list
		? many('contact_tags', contact.tagIds)
		: { ...many('contact_tags', contact.tagIds), links: { self: `${self}/tags` } };
	if (customer) relationships.customer = one('customers', customer.id);

	return {
		id: contact.id,
		type: 'contacts',
		attributes: contactAttributes(state, contact),
		links: { customer: customer ? `${baseUrl}/v1/customers/${customer.id}` : '' },
		relationships,
	};
}

function contactWebhookResource(state, contact, baseUrl) {
	const customer = customerOfContact(state, contact.id);
	return {
		id: contact.id,
		type: 'contacts',
		attributes: contactAttributes(state, contact, { withCustomFields: false }),
		links: { customer: customer ? `${baseUrl}/v1/customers/${customer.id}` : '' },
		relationships: { site: one('sites', contact.siteId) },
	};
}

function contactTagResource(tag) {
	return {
		id: tag.id,
		type: 'contact_tags',
		attributes: { name: tag.attributes.name },
		relationships: { site: one('sites', tag.siteId) },
	};
}

function customerResource(state, customer, baseUrl, { list = false } = {}) {
	const contact = contactOfCustomer(state, customer);
	const offersSelf = `${baseUrl}/v1/customers/${customer.id}/relationships/offers`;
	return {
		id: customer.id,
		type: 'customers',
		attributes: {
			name: contact?.attributes.name ?? '',
			email: (contact?.attributes.email ?? '').toLowerCase(),
			...customer.attributes,
		},
		links: { contact: `${baseUrl}/v1/contacts/${customer.contactId}` },
		relationships: {
			site: one('sites', customer.siteId),
			contact: one('contacts', customer.contactId),
			offers: list
				? { links: { self: offersSelf } }
				: { ...many('offers', activeOfferIds(state, customer.id)), links: { self: offersSelf } },
			products: many('products', productIdsOfCustomer(state, customer.id)),
		},
	};
}

function offerResource(state, offer, { webhook = false } = {}) {
	const relationships = {
		site: one('sites', offer.siteId),
		products: many('products', offer.productIds),
	};
	if (webhook) {
		const formIds = state.forms.filter((form) => form.offerId === offer.id).map((form) => form.id);
		relationships.forms = many('forms', formIds);
	}
	return { id: offer.id, type: 'offers', attributes: { ...offer.attributes }, relationships };
}

function productResource(product) {
	return {
		id: product.id,
		type: 'products',
		attributes: { ...product.attributes },
		relationships: { site: one('sites', product.siteId) },
	};
}

function courseOfferIds(state, course) {
	return state.offers
		.filter((offer) => offer.productIds.includes(course.productId))
		.map((offer) => offer.id);
}

function courseResource(state, course, { list = false } = {}) {
	const relationships = { site: one('sites', course.siteId) };
	if (!list) {
		relationships.offers = many('offers', courseOfferIds(state, course));
		relationships.modules = many(
			'modules',
			course.modules.map((module) => module.id),
		);
		relationships.lessons = many(
			'lessons',
			course.modules.flatMap((module) => module.lessons.map((lesson) => lesson.id)),
		);
	}
	return { id: course.id, type: 'courses', attributes: { ...course.attributes }, relationships };
}

function moduleResource(module) {
	return {
		id: module.id,
		type: 'modules',
		attributes: { ...module.attributes },
		relationships: {
			lessons: many(
				'lessons',
				module.lessons.map((lesson) => lesson.id),
			),
		},
	};
}

function lessonResource(lesson) {
	return {
		id: lesson.id,
		type: 'lessons',
		attributes: { ...lesson.attributes },
		relationships: {},
	};
}

function purchaseResource(state, purchase, { webhook = false } = {}) {
	const productIds = find(state.offers, purchase.offerId)?.productIds ?? [];
	const relationships = webhook
		? {
				customer: one('customers', purchase.customerId),
				offer: one('offers', purchase.offerId),
				products: many('products', productIds),
			}
		: {
				offer: one('offers', purchase.offerId),
				customer: one('customers', purchase.customerId),
				transactions: many('transactions', purchase.transactionIds),
				products: many('products', productIds),
			};
	return {
		id: purchase.id,
		type: 'purchases',
		attributes: { ...purchase.attributes },
		relationships,
	};
}

function transactionResource(transaction, { webhook = false } = {}) {
	const relationships = {
		customer: one('customers', transaction.customerId),
		offer: one('offers', transaction.offerId),
	};
	if (!webhook) relationships.purchases = many('purchases', transaction.purchaseIds);
	return {
		id: transaction.id,
		type: 'transactions',
		attributes: { ...transaction.attributes },
		relationships,
	};
}

function orderResource(order, { webhook = false } = {}) {
	const relationships = {
		site: one('sites', order.siteId),
		customer: one('customers', order.customerId),
		order_items: many('order_items', order.orderItemIds),
	};
	if (webhook) relationships.payment_transactions = many('transactions', order.transactionIds);
	return { id: order.id, type: 'orders', attributes: { ...order.attributes }, relationships };
}

function orderItemResource(item) {
	return {
		id: item.id,
		type: 'order_items',
		attributes: { ...item.attributes },
		relationships: { order: one('orders', item.orderId) },
	};
}

function formResource(form, { webhook = false } = {}) {
	const relationships = { site: one('sites', form.siteId) };
	// The spec's schema has no null for `offer.data`: a form without an offer leaves it out.
	if (form.offerId && !webhook) relationships.offer = one('offers', form.offerId);
	relationships.fields = many('fields', form.fieldIds);
	relationships.contact_tags = many('contact_tags', form.tagIds);
	return { id: form.id, type: 'forms', attributes: { ...form.attributes }, relationships };
}

function fieldResource(field) {
	return { id: field.id, type: 'fields', attributes: { ...field.attributes } };
}

function formSubmissionResource(submission) {
	return {
		id: submission.id,
		type: 'form_submissions',
		attributes: { ...submission.attributes },
		relationships: {
			site: one('sites', submission.siteId),
			form: one('forms', submission.formId),
		},
	};
}

function customFieldResource(customField) {
	return {
		id: customField.id,
		type: 'custom_fields',
		attributes: { ...customField.attributes },
		relationships: { site: one('sites', customField.siteId) },
	};
}

function contactNoteResource(note) {
	return {
		id: note.id,
		type: 'contact_notes',
		attributes: { ...note.attributes },
		relationships: { contact: one('contacts', note.contactId) },
	};
}

function hookResource(hook) {
	return {
		id: hook.id,
		type: 'hooks',
		attributes: { ...hook.attributes },
		relationships: { site: one('sites', hook.siteId) },
	};
}

function siteResource(site) {
	return { id: site.id, type: 'sites', attributes: { ...site.attributes } };
}

function blogPostResource(post) {
	return {
		id: post.id,
		type: 'blog_posts',
		attributes: { ...post.attributes },
		relationships: { blog: one('blogs', post.blogId) },
	};
}

/** Landing pages, website pages and podcasts: attributes plus the site they belong to. */
function siteOwnedResource(type) {
	return (record) => ({
		id: record.id,
		type,
		attributes: { ...record.attributes },
		relationships: { site: one('sites', record.siteId) },
	});
}

function payoutResource(payout, { list = false } = {}) {
	const attributes = { ...payout.attributes };
	if (!list) attributes.transactions = payout.transactions.map((entry) => ({ ...entry }));
	return { id: payout.id, type: 'kajabi_payments_payouts', attributes };
}

module.exports = {
	blogPostResource,
	contactNoteResource,
	contactResource,
	contactTagResource,
	contactWebhookResource,
	courseResource,
	customFieldResource,
	customerResource,
	fieldResource,
	formResource,
	formSubmissionResource,
	hookResource,
	lessonResource,
	moduleResource,
	offerResource,
	orderItemResource,
	orderResource,
	payoutResource,
	productResource,
	purchaseResource,
	siteOwnedResource,
	siteResource,
	transactionResource,
};
