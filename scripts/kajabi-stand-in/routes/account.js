'use strict';

/** `GET /v1/version` (no token), `GET /v1/me` and the sites the key can see. */

const { containsText } = require('../lib/jsonApi');
const { listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const { siteResource } = require('../lib/serialize');

function version() {
	return {
		status: 200,
		body: {
			meta: { title: 'Kajabi API (stand-in)', version: '1.1.0' },
			links: { documentation: 'https://developers.kajabi.com' },
			// The key is spelled as the spec spells it.
			jsonapi: { version: '1.0', specficiation: 'https://jsonapi.org/format/' },
		},
	};
}

function initials(name) {
	return name
		.split(/\s+/)
		.filter(Boolean)
		.map((part) => part[0].toUpperCase())
		.join('');
}

function me(ctx) {
	const { me: user } = ctx.state;
	return {
		status: 200,
		body: {
			data: {
				id: user.id,
				type: 'users',
				attributes: {
					initials: initials(user.name),
					name: user.name,
					email: user.email,
					role_level: user.roleLevel,
				},
			},
		},
	};
}

function listSites(ctx) {
	return listAnswer(ctx, ctx.state.sites, siteResource, {
		filters: {
			title_cont: (site, value) => containsText(site.attributes.title, value),
			subdomain_cont: (site, value) => containsText(site.attributes.subdomain, value),
		},
	});
}

function showSite(ctx) {
	return showAnswer(ctx, siteResource(requireRecord(ctx.state.sites, ctx.params.id, 'site')));
}

module.exports = [
	{ method: 'GET', path: '/v1/version', auth: false, handler: version },
	{ method: 'GET', path: '/v1/me', handler: me },
	{ method: 'GET', path: '/v1/sites', permission: 'view:sites', handler: listSites },
	{ method: 'GET', path: '/v1/sites/{id}', permission: 'view:sites', handler: showSite },
];
