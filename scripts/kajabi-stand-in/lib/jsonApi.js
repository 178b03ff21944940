'use strict';

/**
 * JSON:API document pieces shared by every route: errors, paging, links, sparse fieldsets,
 * includes and sorting, in the shapes Kajabi's spec documents.
 */

const JSON_API = 'application/vnd.api+json';

const DEFAULT_PAGE_SIZE = 20;
// The spec gives these numbers for contact notes only; the stand-in uses them everywhere.
const MAX_PAGE_SIZE = 100;

const TITLES = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

class ApiError extends Error {
	constructor(status, detail, pointer = '') {
		super(detail);
		this.status = status;
		this.pointer = pointer;
	}
}

function errorDocument(status, detail, pointer = '') {
	return {
		errors: [
			{
				status: String(status),
				source: { pointer },
				title: TITLES[status] ?? 'Error',
				detail,
			},
		],
	};
}

function notFound(type, id) {
	return new ApiError(404, `${type} ${id} does not exist`);
}

/** Comma-separated query values (`include`, `fields[type]`, `sort`), trimmed, empties dropped. */
function listParam(value) {
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

function positiveInteger(value, fallback) {
	const number = Number(value);
	return Number.isInteger(number) && number > 0 ? number : fallback;
}

function parsePage(query, { fixedSize } = {}) {
	const number = positiveInteger(query.get('page[number]'), 1);
	if (fixedSize) return { number, size: fixedSize };

	const size = Math.min(positiveInteger(query.get('page[size]'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
	return { number, size };
}

// Brackets stay readable in links, as in the spec's examples; everything else is encoded.
function encodeQueryPart(text) {
	return encodeURIComponent(text).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function linkFor(baseUrl, pathname, query, pageNumber, page) {
	const params = new Map();
	for (const [key, value] of query) {
		if (key !== 'page[number]' && key !== 'page[size]') params.set(key, value);
	}
	params.set('page[number]', String(pageNumber));
	if (!page.fixed) params.set('page[size]', String(page.size));

	const search = [...params]
		.map(([key, value]) => `${encodeQueryPart(key)}=${encodeQueryPart(value)}`)
		.join('&');
	return `${baseUrl}${pathname}?${search}`;
}

function pageLinks({ baseUrl, pathname, query, page, totalPages }) {
	const last = Math.max(totalPages, 1);
	const at = (number) => linkFor(baseUrl, pathname, query, number, page);
	return {
		self: at(page.number),
		first: at(1),
		prev: page.number > 1 ? at(Math.min(page.number - 1, last)) : null,
		next: page.number < totalPages ? at(page.number + 1) : null,
		last: at(last),
	};
}

function paginate(records, page) {
	const totalCount = records.length;
	const totalPages = Math.ceil(totalCount / page.size);
	const start = (page.number - 1) * page.size;
	return { slice: records.slice(start, start + page.size), totalCount, totalPages };
}

/**
 * A list answer: `data`, `included` when asked for, `links` (with `next: null` on the last
 * page) and `meta.total_pages / total_count / current_page`.
 */
function listDocument(ctx, records, toResource, { page: pageOptions, included } = {}) {
	const page = parsePage(ctx.query, pageOptions);
	const { slice, totalCount, totalPages } = paginate(records, page);
	const data = slice.map((record) => sparse(toResource(record), ctx.query));

	const document = { data };
	if (included) document.included = included(slice);
	document.links = pageLinks({ ...ctx, page, totalPages });
	document.meta = { total_pages: totalPages, total_count: totalCount, current_page: page.number };
	return document;
}

/** Applies `fields[type]=a,b` to one resource: only the named attributes stay. */
function sparse(resource, query) {
	const wanted = listParam(query.get(`fields[${resource.type}]`));
	if (wanted.length === 0 || !resource.attributes) return resource;

	const attributes = {};
	for (const name of wanted) {
		if (name in resource.attributes) attributes[name] = resource.attributes[name];
	}
	return { ...resource, attributes };
}

function includeSet(query) {
	return new Set(listParam(query.get('include')));
}

function compareValues(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	// Case-insensitive, then by code point: the same order on every Node version and locale.
	if (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() !== b.toLowerCase()) {
		return a.toLowerCase() < b.toLowerCase() ? -1 : 1;
	}
	return a < b ? -1 : 1;
}

function compareIds(a, b) {
	const numeric = Number(a) - Number(b);
	return Number.isNaN(numeric) ? compareValues(String(a), String(b)) : numeric;
}

/**
 * `sort=name,-created_at`. Unknown fields are ignored (the spec documents no 400 for lists);
 * ties fall back to the numeric id so every order is deterministic.
 */
function sortRecords(records, sortParam, sortValue, defaultSort) {
	const keys = listParam(sortParam ?? defaultSort ?? '').map((key) =>
		key.startsWith('-') ? { field: key.slice(1), direction: -1 } : { field: key, direction: 1 },
	);

	// Ties follow the first key's direction, so "newest first" stays newest first within a second.
	const tieDirection = keys[0]?.direction ?? 1;
	return [...records].sort((left, right) => {
		for (const { field, direction } of keys) {
			const order = compareValues(sortValue(left, field), sortValue(right, field));
			if (order !== 0) return order * direction;
		}
		return compareIds(left.id, right.id) * tieDirection;
	});
}

function attributeValue(record, field) {
	return record.attributes?.[field];
}

function containsText(haystack, needle) {
	if (typeof haystack !== 'string') return false;
	return haystack.toLowerCase().includes(String(needle).toLowerCase());
}

function identifier(type, id) {
	return { id: String(id), type };
}

function relationshipDocument(ctx, type, ids) {
	return {
		data: ids.map((id) => identifier(type, id)),
		links: { self: `${ctx.baseUrl}${ctx.pathname}` },
	};
}

module.exports = {
	ApiError,
	JSON_API,
	attributeValue,
	containsText,
	errorDocument,
	identifier,
	includeSet,
	listDocument,
	notFound,
	parsePage,
	pageLinks,
	paginate,
	relationshipDocument,
	sortRecords,
	sparse,
};
