'use strict';

/** Offers (with their products relationship), products and courses. */

const { containsText, includeSet, relationshipDocument } = require('../lib/jsonApi');
const { bySite, listAnswer, requireRecord, showAnswer } = require('../lib/routing');
const serialize = require('../lib/serialize');
const { find } = require('../lib/store');

function titleAndDescription() {
	return {
		site_id: bySite,
		title_cont: (record, value) => containsText(record.attributes.title, value),
		description_cont: (record, value) => containsText(record.attributes.description, value),
	};
}

function listOffers(ctx) {
	return listAnswer(ctx, ctx.state.offers, (offer) => serialize.offerResource(ctx.state, offer), {
		filters: titleAndDescription(),
	});
}

function showOffer(ctx) {
	const offer = requireRecord(ctx.state.offers, ctx.params.id, 'offer');
	const included = includeSet(ctx.query).has('products')
		? offer.productIds.map((productId) =>
				serialize.productResource(find(ctx.state.products, productId)),
			)
		: undefined;
	return showAnswer(ctx, serialize.offerResource(ctx.state, offer), included);
}

function offerProducts(ctx) {
	const offer = requireRecord(ctx.state.offers, ctx.params.offer_id, 'offer');
	return { status: 200, body: relationshipDocument(ctx, 'products', offer.productIds) };
}

function listProducts(ctx) {
	const excluded = ctx.query.getAll('filter[exclude_product_types][]');
	const products = ctx.state.products.filter(
		(product) => !excluded.includes(product.productizableType),
	);
	return listAnswer(ctx, products, serialize.productResource, {
		filters: {
			...titleAndDescription(),
			status_eq: (product, value) => product.attributes.status === value,
		},
	});
}

function showProduct(ctx) {
	const product = requireRecord(ctx.state.products, ctx.params.id, 'product');
	return showAnswer(ctx, serialize.productResource(product));
}

function listCourses(ctx) {
	return listAnswer(
		ctx,
		ctx.state.courses,
		(course) => serialize.courseResource(ctx.state, course, { list: true }),
		{
			filters: {
				...titleAndDescription(),
				publish_status_eq: (course, value) => course.publishStatus === value,
			},
		},
	);
}

function courseIncluded(ctx, course) {
	const wanted = includeSet(ctx.query);
	if (wanted.size === 0) return undefined;

	const included = [];
	if (wanted.has('modules')) included.push(...course.modules.map(serialize.moduleResource));
	if (wanted.has('lessons')) {
		const lessons = course.modules.flatMap((module) => module.lessons);
		included.push(...lessons.map(serialize.lessonResource));
	}
	if (wanted.has('offers')) {
		const { offers } = serialize.courseResource(ctx.state, course).relationships;
		for (const { id } of offers.data) {
			included.push(serialize.offerResource(ctx.state, find(ctx.state.offers, id)));
		}
	}
	return included;
}

function showCourse(ctx) {
	const course = requireRecord(ctx.state.courses, ctx.params.id, 'course');
	const resource = serialize.courseResource(ctx.state, course);
	return showAnswer(ctx, resource, courseIncluded(ctx, course));
}

module.exports = [
	{ method: 'GET', path: '/v1/offers', permission: 'view:offers', handler: listOffers },
	{ method: 'GET', path: '/v1/offers/{id}', permission: 'view:offers', handler: showOffer },
	{
		method: 'GET',
		path: '/v1/offers/{offer_id}/relationships/products',
		permission: 'view:offers',
		handler: offerProducts,
	},
	{ method: 'GET', path: '/v1/products', permission: 'view:products', handler: listProducts },
	{ method: 'GET', path: '/v1/products/{id}', permission: 'view:products', handler: showProduct },
	{ method: 'GET', path: '/v1/courses', permission: 'view:courses', handler: listCourses },
	{ method: 'GET', path: '/v1/courses/{id}', permission: 'view:courses', handler: showCourse },
];
