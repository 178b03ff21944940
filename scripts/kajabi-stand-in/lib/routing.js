'use strict';

/**
 * Route tables and the helpers route handlers share: matching a path against the route
 * templates (literal segments win over `{param}` ones, as in `/v1/hooks/purchase_sample`
 * against `/v1/hooks/{id}`), list answers with filters and sorting, and record lookups.
 */

const {
	ApiError,
	attributeValue,
	listDocument,
	notFound,
	sortRecords,
	sparse,
} = require('./jsonApi');
const { find } = require('./store');

function compileRoute(route) {
	const segments = route.path.split('/').filter(Boolean);
	return {
		...route,
		segments,
		literalCount: segments.filter((part) => !part.startsWith('{')).length,
	};
}

function matchSegments(segments, parts) {
	if (segments.length !== parts.length) return null;
	const params = {};
	for (let index = 0; index < segments.length; index += 1) {
		const segment = segments[index];
		if (segment.startsWith('{')) params[segment.slice(1, -1)] = decodeURIComponent(parts[index]);
		else if (segment !== parts[index]) return null;
	}
	return params;
}

/** Routes compiled once; `match` returns the route and its path params, or why none fits. */
function createRouter(routes) {
	const compiled = routes.map(compileRoute).sort((a, b) => b.literalCount - a.literalCount);

	return function match(method, pathname) {
		const parts = pathname.split('/').filter(Boolean);
		let pathKnown = false;
		for (const route of compiled) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			pathKnown = true;
			if (route.method === method) return { route, params };
		}
		return { route: null, pathKnown };
	};
}

/** The record with this id, or a 404 naming its type. */
function requireRecord(collection, id, type) {
	const record = find(collection, id);
	if (!record) throw notFound(type, id);
	return record;
}

/**
 * A list answer: the filters the query names are applied (others are accepted and ignored,
 * as a real API may ignore what it does not know), then sort, then the page.
 */
function listAnswer(ctx, records, toResource, options = {}) {
	const { filters = {}, defaultSort = 'id', sortValue = attributeValue, included, page } = options;

	let selected = records;
	for (const [name, predicate] of Object.entries(filters)) {
		const value = ctx.query.get(`filter[${name}]`);
		if (value !== null) selected = selected.filter((record) => predicate(record, value, ctx));
	}
	const sorted = sortRecords(selected, ctx.query.get('sort'), sortValue, defaultSort);
	return { status: 200, body: listDocument(ctx, sorted, toResource, { included, page }) };
}

function showAnswer(ctx, resource, included) {
	const body = { data: sparse(resource, ctx.query) };
	if (included) body.included = included.map((entry) => sparse(entry, ctx.query));
	return { status: 200, body };
}

function bySite(record, siteId) {
	return record.siteId === String(siteId);
}

function truthy(value) {
	return value === 'true' || value === '1';
}

/** The `data` array of a relationship request body; anything else is a 400. */
function identifiersOf(body, type) {
	const data = body?.data;
	if (!Array.isArray(data))
		throw new ApiError(400, 'data must be an array of resource identifiers', '/data');

	return data.map((entry, index) => {
		if (!entry || typeof entry !== 'object' || entry.id === undefined || entry.id === null) {
			throw new ApiError(400, 'each resource identifier needs an id', `/data/${index}/id`);
		}
		if (entry.type !== type) {
			throw new ApiError(400, `type must be "${type}"`, `/data/${index}/type`);
		}
		return String(entry.id);
	});
}

module.exports = {
	bySite,
	createRouter,
	identifiersOf,
	listAnswer,
	requireRecord,
	showAnswer,
	truthy,
};
