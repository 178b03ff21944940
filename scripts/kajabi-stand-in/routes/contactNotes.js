'use strict';

/**
 * Contact notes: list, create, show, update (the body only) and delete. The spec documents no
 * 403 for these operations, so they check no permission beyond a valid token.
 */

const { ApiError, includeSet } = require('../lib/jsonApi');
const { listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const serialize = require('../lib/serialize');
const { find, nextId, nowIso } = require('../lib/store');

function noteBody(body) {
	const text = body?.data?.attributes?.body;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new ApiError(422, 'body is required', '/data/attributes/body');
	}
	return text;
}

function listNotes(ctx) {
	return listAnswer(ctx, ctx.state.contactNotes, serialize.contactNoteResource, {
		filters: {
			contact_id: (note, value) => note.contactId === String(value),
			site_id: (note, value) => find(ctx.state.contacts, note.contactId)?.siteId === String(value),
		},
		defaultSort: '-created_at',
	});
}

function createNote(ctx) {
	const text = noteBody(ctx.body);
	const contactId = ctx.body.data.relationships?.contact?.data?.id;
	if (contactId === undefined || !find(ctx.state.contacts, contactId)) {
		throw new ApiError(422, 'contact must name an existing contact', '/data/relationships/contact');
	}

	const now = nowIso();
	const note = {
		id: nextId(ctx.state.contactNotes),
		contactId: String(contactId),
		attributes: { body: text, created_at: now, updated_at: now },
	};
	ctx.state.contactNotes.push(note);
	return { status: 201, body: { data: serialize.contactNoteResource(note) } };
}

function showNote(ctx) {
	const note = requireRecord(ctx.state.contactNotes, ctx.params.id, 'contact_note');
	const contact = find(ctx.state.contacts, note.contactId);
	const included =
		includeSet(ctx.query).has('contact') && contact
			? [serialize.contactResource(ctx.state, contact, ctx.baseUrl)]
			: undefined;
	return showAnswer(ctx, serialize.contactNoteResource(note), included);
}

function updateNote(ctx) {
	const note = requireRecord(ctx.state.contactNotes, ctx.params.id, 'contact_note');
	if (String(ctx.body?.data?.id) !== note.id) {
		throw new ApiError(422, 'data.id must match the note in the path', '/data/id');
	}
	note.attributes.body = noteBody(ctx.body);
	note.attributes.updated_at = nowIso();
	return { status: 200, body: { data: serialize.contactNoteResource(note) } };
}

function deleteNote(ctx) {
	const note = requireRecord(ctx.state.contactNotes, ctx.params.id, 'contact_note');
	ctx.state.contactNotes = ctx.state.contactNotes.filter((candidate) => candidate !== note);
	return { status: 200, body: null };
}

module.exports = [
	{ method: 'GET', path: '/v1/contact_notes', handler: listNotes },
	{ method: 'POST', path: '/v1/contact_notes', handler: createNote },
	{ method: 'GET', path: '/v1/contact_notes/{id}', handler: showNote },
	{ method: 'PATCH', path: '/v1/contact_notes/{id}', handler: updateNote },
	{ method: 'DELETE', path: '/v1/contact_notes/{id}', handler: deleteNote },
];
