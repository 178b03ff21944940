'use strict';

/**
 * Webhook subscriptions (`/v1/hooks`: list, create, show, delete; there is no update) and the
 * six `GET /v1/hooks/<event>_sample` answers, which are the spec's own sample arrays.
 */

const fs = require('node:fs');
const path = require('node:path');

const { ApiError } = require('../lib/jsonApi');
const { EVENTS } = require('../lib/events');
const { listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const { hookResource } = require('../lib/serialize');
const { find, nextId, nowIso } = require('../lib/store');

// Copies of the spec's sample arrays, kept byte for byte with the test fixtures.
const SAMPLES_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'kajabi');

// The permissions the spec's table lists for creating a hook on each event.
const EVENT_PERMISSIONS = {
	purchase: ['view:purchases'],
	payment_succeeded: ['view:transactions'],
	order_created: ['view:transactions', 'view:orders'],
	form_submission: ['view:form_submissions'],
	tag_added: ['view:contacts'],
	tag_removed: ['view:contacts'],
};

function listHooks(ctx) {
	return listAnswer(ctx, ctx.state.hooks, hookResource, {
		filters: { event_eq: (hook, value) => hook.attributes.event === value },
	});
}

function hookEvent(attributes) {
	if (!EVENTS.includes(attributes.event)) {
		throw new ApiError(422, `event must be one of ${EVENTS.join(', ')}`, '/data/attributes/event');
	}
	return attributes.event;
}

function targetUrl(attributes) {
	let url;
	try {
		url = new URL(attributes.target_url);
	} catch {
		url = null;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new ApiError(
			422,
			'target_url must be an http or https URL',
			'/data/attributes/target_url',
		);
	}
	return attributes.target_url;
}

// The spec types resource_id as an integer while its own example sends "123": take both.
function resourceId(attributes) {
	const value = attributes.resource_id;
	if (value === undefined || value === null) return null;
	if (Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	throw new ApiError(
		422,
		'resource_id must be the id of one resource',
		'/data/attributes/resource_id',
	);
}

function hookSite(ctx, data) {
	const siteId = data.relationships?.site?.data?.id;
	if (siteId === undefined || siteId === null || !find(ctx.state.sites, siteId)) {
		throw new ApiError(422, 'site must name an existing site', '/data/relationships/site');
	}
	return String(siteId);
}

function createHook(ctx) {
	const data = ctx.body?.data;
	if (!data || data.type !== 'hooks')
		throw new ApiError(422, 'data.type must be "hooks"', '/data/type');
	const attributes = data.attributes ?? {};

	const event = hookEvent(attributes);
	ctx.requirePermission(EVENT_PERMISSIONS[event]);
	const now = nowIso();
	const hook = {
		id: nextId(ctx.state.hooks),
		siteId: hookSite(ctx, data),
		attributes: {
			event,
			target_url: targetUrl(attributes),
			created_at: now,
			updated_at: now,
			resource_id: resourceId(attributes),
		},
	};
	ctx.state.hooks.push(hook);
	return { status: 201, body: { data: hookResource(hook) } };
}

function showHook(ctx) {
	return showAnswer(ctx, hookResource(requireRecord(ctx.state.hooks, ctx.params.id, 'hook')));
}

function deleteHook(ctx) {
	const hook = requireRecord(ctx.state.hooks, ctx.params.id, 'hook');
	ctx.state.hooks = ctx.state.hooks.filter((candidate) => candidate !== hook);
	return { status: 204, body: null };
}

const samples = new Map();

function sample(event) {
	if (!samples.has(event)) {
		const file = path.join(SAMPLES_DIR, `openapi-${event}_sample-payload-array.json`);
		samples.set(event, fs.readFileSync(file, 'utf8'));
	}
	return JSON.parse(samples.get(event));
}

function sampleRoute(event) {
	return {
		method: 'GET',
		path: `/v1/hooks/${event}_sample`,
		permission: EVENT_PERMISSIONS[event],
		handler: () => ({ status: 200, body: sample(event) }),
	};
}

module.exports = [
	{ method: 'GET', path: '/v1/hooks', handler: listHooks },
	{ method: 'POST', path: '/v1/hooks', handler: createHook },
	{ method: 'GET', path: '/v1/hooks/{id}', handler: showHook },
	{ method: 'DELETE', path: '/v1/hooks/{id}', handler: deleteHook },
	...EVENTS.map(sampleRoute),
];
