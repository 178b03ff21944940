'use strict';

/** New contact records, made the same way by a contact create and by a form submission. */

const { nextId, nowIso } = require('./store');

// Kajabi also checks deliverability; the stand-in only checks the form of the address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmail(value) {
	return typeof value === 'string' && EMAIL.test(value);
}

/** Adds a contact to `siteId` with the given attributes over empty defaults; returns it. */
function addContact(state, siteId, attributes) {
	const now = nowIso();
	const contact = {
		id: nextId(state.contacts),
		siteId,
		tagIds: [],
		attributes: {
			name: '',
			email: '',
			address_line_1: null,
			address_line_2: null,
			address_city: null,
			address_country: null,
			address_state: null,
			address_zip: null,
			phone_number: null,
			business_number: null,
			subscribed: false,
			external_user_id: null,
			...attributes,
			created_at: now,
			updated_at: now,
		},
	};
	state.contacts.push(contact);
	return contact;
}

module.exports = { addContact, isEmail };
