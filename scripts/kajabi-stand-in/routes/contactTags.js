'use strict';

/** `GET /v1/contact_tags` (filters `site_id`, `name_cont`) and `GET /v1/contact_tags/{id}`. */

const { containsText } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const { contactTagResource } = require('../lib/serialize');

function listContactTags(ctx) {
	return listAnswer(ctx, ctx.state.contactTags, contactTagResource, {
		filters: {
			site_id: bySite,
			name_cont: (tag, value) => containsText(tag.attributes.name, value),
		},
	});
}

function showContactTag(ctx) {
	const tag = requireRecord(ctx.state.contactTags, ctx.params.id, 'contact_tag');
	return showAnswer(ctx, contactTagResource(tag));
}

// Tags need `view:contacts`, as the spec's hook table says for tag events.
module.exports = [
	{
		method: 'GET',
		path: '/v1/contact_tags',
		permission: 'view:contacts',
		handler: listContactTags,
	},
	{
		method: 'GET',
		path: '/v1/contact_tags/{id}',
		permission: 'view:contacts',
		handler: showContactTag,
	},
];
