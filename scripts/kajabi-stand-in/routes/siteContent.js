'use strict';

/**
 * The read-only rest of the spec: blog posts, landing pages, website pages, podcasts and
 * Kajabi Payments payouts, over a little seeded content.
 */

const {
	ApiError,
	containsText,
	notFound,
	pageLinks,
	paginate,
	parsePage,
} = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer, truthy } = require('../lib/routing');
const serialize = require('../lib/serialize');

const PAYOUTS_PER_PAGE = 10;

function titleFilters() {
	return {
		site_id: bySite,
		title_cont: (record, value) => containsText(record.attributes.title, value),
	};
}

function listBlogPosts(ctx) {
	return listAnswer(ctx, ctx.state.blogPosts, serialize.blogPostResource, {
		filters: titleFilters(),
	});
}

function showBlogPost(ctx) {
	return showAnswer(
		ctx,
		serialize.blogPostResource(requireRecord(ctx.state.blogPosts, ctx.params.id, 'blog_post')),
	);
}

const landingPageResource = serialize.siteOwnedResource('landing_pages');
const websitePageResource = serialize.siteOwnedResource('website_pages');
const podcastResource = serialize.siteOwnedResource('podcasts');

function listLandingPages(ctx) {
	return listAnswer(ctx, ctx.state.landingPages, landingPageResource, {
		filters: {
			...titleFilters(),
			published: (page, value) => (page.attributes.publish_at !== null) === truthy(value),
		},
	});
}

function showLandingPage(ctx) {
	return showAnswer(
		ctx,
		landingPageResource(requireRecord(ctx.state.landingPages, ctx.params.id, 'landing_page')),
	);
}

function listWebsitePages(ctx) {
	return listAnswer(ctx, ctx.state.websitePages, websitePageResource, {
		filters: { site_id: bySite },
	});
}

function showWebsitePage(ctx) {
	return showAnswer(
		ctx,
		websitePageResource(requireRecord(ctx.state.websitePages, ctx.params.id, 'website_page')),
	);
}

function listPodcasts(ctx) {
	return listAnswer(ctx, ctx.state.podcasts, podcastResource, {
		filters: {
			...titleFilters(),
			title_eq: (podcast, value) => podcast.attributes.title === value,
			status_eq: (podcast, value) => podcast.attributes.status === value,
			show_type_eq: (podcast, value) => podcast.attributes.show_type === value,
		},
	});
}

function showPodcast(ctx) {
	return showAnswer(
		ctx,
		podcastResource(requireRecord(ctx.state.podcasts, ctx.params.id, 'podcast')),
	);
}

function requiredSite(ctx) {
	const siteId = ctx.query.get('filter[site_id]');
	if (!siteId) throw new ApiError(400, 'filter[site_id] is required');
	return siteId;
}

function dateOnly(isoTime) {
	return isoTime.slice(0, 10);
}

function payoutMatches(ctx, payout) {
	const status = ctx.query.get('filter[status]');
	const start = ctx.query.get('filter[start_date]');
	const end = ctx.query.get('filter[end_date]');
	const initiated = dateOnly(payout.attributes.initiated_date);
	return (
		(!status ||
			payout.attributes.status.toLowerCase().replace(/\s+/g, '_') === status.toLowerCase()) &&
		(!start || initiated >= start) &&
		(!end || initiated <= end)
	);
}

/** Payouts page by number only, and their `meta` has its own shape, as the spec shows it. */
function listPayouts(ctx) {
	const siteId = requiredSite(ctx);
	const payouts = ctx.state.payouts.filter(
		(payout) => payout.siteId === siteId && payoutMatches(ctx, payout),
	);
	const page = { ...parsePage(ctx.query, { fixedSize: PAYOUTS_PER_PAGE }), fixed: true };
	const { slice, totalCount, totalPages } = paginate(payouts, page);

	const links = pageLinks({ ...ctx, page, totalPages });
	return {
		status: 200,
		body: {
			data: slice.map((payout) => serialize.payoutResource(payout, { list: true })),
			links,
			meta: {
				total: totalCount,
				pagination: {
					current: page.number,
					first: 1,
					prev: links.prev ? page.number - 1 : null,
					next: links.next ? page.number + 1 : null,
					last: Math.max(totalPages, 1),
					records: slice.length,
				},
			},
		},
	};
}

function showPayout(ctx) {
	const siteId = requiredSite(ctx);
	const payout = ctx.state.payouts.find(
		(candidate) => candidate.id === ctx.params.id && candidate.siteId === siteId,
	);
	if (!payout) throw notFound('kajabi_payments_payout', ctx.params.id);
	return { status: 200, body: { data: serialize.payoutResource(payout) } };
}

module.exports = [
	{ method: 'GET', path: '/v1/blog_posts', permission: 'view:blog_posts', handler: listBlogPosts },
	{
		method: 'GET',
		path: '/v1/blog_posts/{id}',
		permission: 'view:blog_posts',
		handler: showBlogPost,
	},
	{
		method: 'GET',
		path: '/v1/landing_pages',
		permission: 'view:landing_pages',
		handler: listLandingPages,
	},
	{
		method: 'GET',
		path: '/v1/landing_pages/{id}',
		permission: 'view:landing_pages',
		handler: showLandingPage,
	},
	{
		method: 'GET',
		path: '/v1/website_pages',
		permission: 'view:website_pages',
		handler: listWebsitePages,
	},
	{
		method: 'GET',
		path: '/v1/website_pages/{id}',
		permission: 'view:website_pages',
		handler: showWebsitePage,
	},
	{ method: 'GET', path: '/v1/podcasts', permission: 'view:podcasts', handler: listPodcasts },
	{ method: 'GET', path: '/v1/podcasts/{id}', permission: 'view:podcasts', handler: showPodcast },
	{
		method: 'GET',
		path: '/v1/kajabi_payments_payouts',
		permission: 'view:payouts',
		handler: listPayouts,
	},
	{
		method: 'GET',
		path: '/v1/kajabi_payments_payouts/{id}',
		permission: 'view:payouts',
		handler: showPayout,
	},
];
