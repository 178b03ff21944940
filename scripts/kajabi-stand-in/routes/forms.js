'use strict';

/**
 * Forms (list, show, `POST /v1/forms/{id}/submit`), form submissions and custom fields. A
 * submission finds or creates the contact, applies the form's tags and offer, and fires the
 * form_submission hooks.
 */

const { addContact, isEmail } = require('../lib/contactRecords');
const { ApiError, containsText, includeSet, notFound } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer, truthy } = require('../lib/routing');
const serialize = require('../lib/serialize');
const { addTags } = require('../lib/events');
const { ensureCustomer, grantOffer } = require('../lib/commerce');
const { customFieldHandles, find, nextId, nowIso } = require('../lib/store');

const SUBMISSION_FIELDS = [
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
	'mobile_phone_number',
];

// The spec: "The default form can be accessed using the special ID 'default'".
function findForm(ctx, id) {
	const form =
		id === 'default'
			? ctx.state.forms.find((candidate) => candidate.attributes.default)
			: find(ctx.state.forms, id);
	if (!form) throw notFound('form', id);
	return form;
}

function listForms(ctx) {
	return listAnswer(ctx, ctx.state.forms, (form) => serialize.formResource(form), {
		filters: {
			site_id: bySite,
			title_cont: (form, value) => containsText(form.attributes.title, value),
		},
	});
}

function formIncluded(ctx, form) {
	const wanted = includeSet(ctx.query);
	if (wanted.size === 0) return undefined;

	const included = [];
	if (wanted.has('fields')) {
		for (const fieldId of form.fieldIds) {
			included.push(serialize.fieldResource(find(ctx.state.fields, fieldId)));
		}
	}
	if (wanted.has('offer') && form.offerId) {
		included.push(serialize.offerResource(ctx.state, find(ctx.state.offers, form.offerId)));
	}
	if (wanted.has('contact_tags')) {
		for (const tagId of form.tagIds) {
			included.push(serialize.contactTagResource(find(ctx.state.contactTags, tagId)));
		}
	}
	if (wanted.has('site')) included.push(serialize.siteResource(find(ctx.state.sites, form.siteId)));
	return included;
}

function showForm(ctx) {
	const form = findForm(ctx, ctx.params.id);
	return showAnswer(ctx, serialize.formResource(form), formIncluded(ctx, form));
}

/** The submitted attributes, checked: name and email are required, and only known fields. */
function submittedAttributes(ctx, form) {
	const attributes = ctx.body?.data?.attributes;
	if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) {
		throw new ApiError(422, 'data.attributes is required', '/data/attributes');
	}

	const allowed = new Set([...SUBMISSION_FIELDS, ...customFieldHandles(ctx.state, form.siteId)]);
	for (const name of Object.keys(attributes)) {
		if (!allowed.has(name)) {
			throw new ApiError(422, `${name} is not a field of this site`, `/data/attributes/${name}`);
		}
	}
	for (const name of ['name', 'email']) {
		if (typeof attributes[name] !== 'string' || attributes[name].trim() === '') {
			throw new ApiError(422, `${name} is required`, `/data/attributes/${name}`);
		}
	}
	if (!isEmail(attributes.email)) {
		throw new ApiError(422, 'email must be a valid email address', '/data/attributes/email');
	}
	return attributes;
}

function findContactByEmail(ctx, siteId, email) {
	const wanted = email.toLowerCase();
	return ctx.state.contacts.find(
		(contact) => contact.siteId === siteId && contact.attributes.email.toLowerCase() === wanted,
	);
}

/** The contact keeps what it has; a submission only fills in what is still empty. */
function fillContact(contact, attributes) {
	for (const [name, value] of Object.entries(attributes)) {
		if (name === 'mobile_phone_number' || value === null || value === undefined) continue;
		const current = contact.attributes[name];
		if (current === null || current === undefined || current === '')
			contact.attributes[name] = value;
	}
	contact.attributes.updated_at = nowIso();
}

function submissionRecord(ctx, form, contact, attributes) {
	const custom = Object.entries(attributes).filter(([name]) => name.startsWith('custom_'));
	return {
		id: nextId(ctx.state.formSubmissions),
		siteId: form.siteId,
		formId: form.id,
		contactId: contact.id,
		createdAt: nowIso(),
		attributes: {
			...Object.fromEntries(SUBMISSION_FIELDS.map((name) => [name, attributes[name] ?? null])),
			...Object.fromEntries(custom),
		},
	};
}

function submitForm(ctx) {
	const form = findForm(ctx, ctx.params.id);
	const attributes = submittedAttributes(ctx, form);

	const contact =
		findContactByEmail(ctx, form.siteId, attributes.email) ??
		addContact(ctx.state, form.siteId, { name: attributes.name, email: attributes.email });
	fillContact(contact, attributes);
	const submission = submissionRecord(ctx, form, contact, attributes);
	ctx.state.formSubmissions.push(submission);

	ctx.events.formSubmission(submission);
	addTags(ctx.state, ctx.events, contact, form.tagIds);
	if (form.offerId) {
		const customer = ensureCustomer(ctx.state, contact);
		const granted = grantOffer(ctx.state, customer, find(ctx.state.offers, form.offerId));
		if (granted) {
			ctx.state.welcomeEmails.push({
				contactId: contact.id,
				offerId: form.offerId,
				sentAt: nowIso(),
			});
		}
	}
	return { status: 201, body: { data: serialize.formSubmissionResource(submission) } };
}

function listFormSubmissions(ctx) {
	return listAnswer(ctx, ctx.state.formSubmissions, serialize.formSubmissionResource, {
		filters: {
			site_id: bySite,
			form_id: (submission, value) => submission.formId === String(value),
		},
		defaultSort: '-created_at',
		sortValue: (submission, field) =>
			field === 'created_at' ? submission.createdAt : submission.attributes[field],
	});
}

function showFormSubmission(ctx) {
	const submission = requireRecord(ctx.state.formSubmissions, ctx.params.id, 'form_submission');
	const wanted = includeSet(ctx.query);
	const included = [];
	if (wanted.has('site'))
		included.push(serialize.siteResource(find(ctx.state.sites, submission.siteId)));
	if (wanted.has('form'))
		included.push(serialize.formResource(find(ctx.state.forms, submission.formId)));
	return showAnswer(
		ctx,
		serialize.formSubmissionResource(submission),
		wanted.size > 0 ? included : undefined,
	);
}

function listCustomFields(ctx) {
	return listAnswer(ctx, ctx.state.customFields, serialize.customFieldResource, {
		filters: {
			site_id: bySite,
			title_cont: (customField, value) => containsText(customField.attributes.title, value),
			type_eq: (customField, value) => customField.attributes.type === value,
			required_eq: (customField, value) => customField.attributes.required === truthy(value),
		},
	});
}

function showCustomField(ctx) {
	const customField = requireRecord(ctx.state.customFields, ctx.params.id, 'custom_field');
	return showAnswer(ctx, serialize.customFieldResource(customField));
}

module.exports = [
	{ method: 'GET', path: '/v1/forms', permission: 'view:forms', handler: listForms },
	{ method: 'GET', path: '/v1/forms/{id}', permission: 'view:forms', handler: showForm },
	{
		method: 'POST',
		path: '/v1/forms/{id}/submit',
		permission: 'manage:form_submissions',
		handler: submitForm,
	},
	{
		method: 'GET',
		path: '/v1/form_submissions',
		permission: 'view:form_submissions',
		handler: listFormSubmissions,
	},
	{
		method: 'GET',
		path: '/v1/form_submissions/{id}',
		permission: 'view:form_submissions',
		handler: showFormSubmission,
	},
	{
		method: 'GET',
		path: '/v1/custom_fields',
		permission: 'view:custom_fields',
		handler: listCustomFields,
	},
	{
		method: 'GET',
		path: '/v1/custom_fields/{id}',
		permission: 'view:custom_fields',
		handler: showCustomField,
	},
];
