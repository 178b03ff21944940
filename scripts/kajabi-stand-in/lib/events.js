'use strict';

/**
 * API hook events: builds each event's payload the way the spec's samples show it and hands
 * one delivery per matching hook to the delivery queue. The body is
 * `{"id": <id of the resource that triggered the event>, "event": ..., "payload": [...]}`.
 *
 * A hook's optional `resource_id` narrows it to one form (form_submission), one offer
 * (purchase, payment_succeeded, order_created) or one tag (tag_added, tag_removed).
 */

const serialize = require('./serialize');
const { find } = require('./store');

const EVENTS = [
	'purchase',
	'form_submission',
	'tag_added',
	'tag_removed',
	'payment_succeeded',
	'order_created',
];

function hookMatches(hook, event, siteId, resourceIds) {
	const { attributes } = hook;
	if (attributes.event !== event || hook.siteId !== siteId) return false;
	if (attributes.resource_id === null || attributes.resource_id === undefined) return true;
	return resourceIds.includes(String(attributes.resource_id));
}

class Events {
	constructor({ state, deliveries, baseUrl }) {
		this.state = state;
		this.deliveries = deliveries;
		this.baseUrl = baseUrl;
	}

	/** Delivers one event to every matching hook; returns the delivery records. */
	fire({ event, siteId, resourceIds, id, payload }) {
		const body = { id: String(id), event, payload };
		return this.state.hooks
			.filter((hook) => hookMatches(hook, event, siteId, resourceIds.map(String)))
			.flatMap((hook) =>
				this.deliveries.send({
					target: hook.attributes.target_url,
					body,
					event,
					kind: 'api_hook',
					hookId: hook.id,
				}),
			);
	}

	customerWebhookResource(customerId) {
		const customer = find(this.state.customers, customerId);
		return serialize.customerResource(this.state, customer, this.baseUrl());
	}

	formSubmission(submission) {
		const form = find(this.state.forms, submission.formId);
		return this.fire({
			event: 'form_submission',
			siteId: submission.siteId,
			resourceIds: [form.id],
			id: submission.id,
			payload: [
				serialize.formSubmissionResource(submission),
				serialize.formResource(form, { webhook: true }),
			],
		});
	}

	purchase(purchase) {
		const offer = find(this.state.offers, purchase.offerId);
		return this.fire({
			event: 'purchase',
			siteId: purchase.siteId,
			resourceIds: [offer.id],
			id: purchase.id,
			payload: [
				serialize.purchaseResource(this.state, purchase, { webhook: true }),
				serialize.offerResource(this.state, offer, { webhook: true }),
				this.customerWebhookResource(purchase.customerId),
			],
		});
	}

	paymentSucceeded(transaction) {
		const offerIds = this.transactionOfferIds(transaction);
		return this.fire({
			event: 'payment_succeeded',
			siteId: transaction.siteId,
			resourceIds: offerIds,
			id: transaction.id,
			payload: [
				serialize.transactionResource(transaction, { webhook: true }),
				this.customerWebhookResource(transaction.customerId),
			],
		});
	}

	orderCreated(order) {
		const transaction = find(this.state.transactions, order.transactionIds[0]);
		const items = order.orderItemIds.map((itemId) => find(this.state.orderItems, itemId));
		return this.fire({
			event: 'order_created',
			siteId: order.siteId,
			resourceIds: items.map((item) => item.attributes.item_id),
			id: order.id,
			payload: [
				serialize.transactionResource(transaction, { webhook: true }),
				this.customerWebhookResource(order.customerId),
				serialize.orderResource(order, { webhook: true }),
				...items.map(serialize.orderItemResource),
			],
		});
	}

	tagChanged(event, contact, tag) {
		return this.fire({
			event,
			siteId: contact.siteId,
			resourceIds: [tag.id],
			id: contact.id,
			payload: [
				serialize.contactWebhookResource(this.state, contact, this.baseUrl()),
				serialize.contactTagResource(tag),
			],
		});
	}

	tagAdded(contact, tag) {
		return this.tagChanged('tag_added', contact, tag);
	}

	tagRemoved(contact, tag) {
		return this.tagChanged('tag_removed', contact, tag);
	}

	transactionOfferIds(transaction) {
		return transaction.purchaseIds
			.map((purchaseId) => find(this.state.purchases, purchaseId)?.offerId)
			.filter(Boolean);
	}
}

/** Tags a contact and fires tag_added for each tag it did not have yet; returns those tags. */
function addTags(state, events, contact, tagIds) {
	const added = tagIds.filter((tagId) => !contact.tagIds.includes(tagId));
	contact.tagIds.push(...added);
	for (const tagId of added) events.tagAdded(contact, find(state.contactTags, tagId));
	return added;
}

/** Untags a contact and fires tag_removed for each tag it had; returns those tags. */
function removeTags(state, events, contact, tagIds) {
	const removed = contact.tagIds.filter((tagId) => tagIds.includes(tagId));
	contact.tagIds = contact.tagIds.filter((tagId) => !tagIds.includes(tagId));
	for (const tagId of removed) events.tagRemoved(contact, find(state.contactTags, tagId));
	return removed;
}

module.exports = { EVENTS, Events, addTags, removeTags };
