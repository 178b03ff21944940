import { addressOrNull, collectCustomFields, emptyCommerce, type LeadDraft } from './draft';
import { relatedId, relatedIds, ResourceSet, type Resource } from '../../shared/json/jsonApi';
import { minorToDecimal } from './money';
import {
	isObject,
	readBoolean,
	readNumber,
	readText,
	type JsonObject,
} from '../../shared/json/values';
import type { LeadCommerce } from '../../shared/lead';

/**
 * Reads an API hook's `payload` array (JSON:API resources) into a lead draft. Each event has
 * its own resources (see docs/lead-item.md); resources are picked by type, never by position.
 */
export function readApiPayload(event: string, resources: ResourceSet): LeadDraft {
	const submission = resources.first('form_submissions');
	const form = resources.related(submission, 'form', 'forms') ?? resources.first('forms');
	const contact = resources.first('contacts');
	const anchor = resources.first('purchases') ?? resources.first('transactions');
	const order = resources.first('orders');
	const customer =
		resources.related(anchor, 'customer', 'customers') ??
		resources.related(order, 'customer', 'customers') ??
		resources.first('customers');

	// The person: a form submission, a tagged contact, or a paying customer.
	const person = submission ?? contact ?? customer;
	const attributes = person?.attributes ?? {};

	const draft: LeadDraft = {
		event,
		kajabiId: (submission ?? anchor ?? order ?? contact)?.id ?? null,
		siteId: firstSiteId([submission, form, contact, customer, order, resources.first('offers')]),
		form: formOf(submission, form),
		contact: {
			id: contact?.id ?? relatedId(submission, 'contact') ?? relatedId(customer, 'contact'),
			customerId: customer?.id ?? relatedId(anchor, 'customer'),
			email: readText(attributes.email),
			name: readText(attributes.name),
			firstName: readText(attributes.first_name),
			lastName: readText(attributes.last_name),
			phone: readText(attributes.mobile_phone_number) ?? readText(attributes.phone_number),
			businessPhone: readText(attributes.business_number),
			address: addressOrNull({
				line1: readText(attributes.address_line_1),
				line2: readText(attributes.address_line_2),
				city: readText(attributes.address_city),
				state: readText(attributes.address_state),
				zip: readText(attributes.address_zip),
				country: readText(attributes.address_country),
			}),
			subscribed: readBoolean(attributes.subscribed),
			externalUserId: readText(attributes.external_user_id),
		},
		customFields: collectCustomFields(
			attributes,
			isObject(attributes.custom_fields) ? attributes.custom_fields : null,
		),
		tags: tagsOf(resources, form),
		commerce: commerceOf(resources, anchor, order),
		primaryIds: [
			submission?.id ?? null,
			anchor?.id ?? null,
			order?.id ?? null,
			contact?.id ?? null,
		],
	};

	if (draft.contact.email === null && customer !== null && person !== customer) {
		draft.contact.email = readText(customer.attributes.email);
		draft.contact.name ??= readText(customer.attributes.name);
	}
	return draft;
}

function firstSiteId(candidates: Array<Resource | null>): string | null {
	for (const resource of candidates) {
		const id = relatedId(resource, 'site');
		if (id !== null) return id;
	}
	return null;
}

function formOf(submission: Resource | null, form: Resource | null): LeadDraft['form'] {
	const id = relatedId(submission, 'form') ?? form?.id ?? null;
	if (id === null && form === null) return null;
	return {
		id,
		title: readText(form?.attributes.title) ?? readText(form?.attributes.name),
		submissionId: submission?.id ?? null,
	};
}

/**
 * Tag events carry the tag itself; a form submission carries the tags its form applies.
 * Names come only where Kajabi sends them.
 */
function tagsOf(resources: ResourceSet, form: Resource | null): LeadDraft['tags'] {
	const tags = resources
		.all('contact_tags')
		.filter((tag): tag is Resource & { id: string } => tag.id !== null)
		.map((tag) => ({ id: tag.id, name: readText(tag.attributes.name) }));
	const known = new Set(tags.map((tag) => tag.id));

	for (const id of relatedIds(form, 'contact_tags')) {
		if (!known.has(id)) tags.push({ id, name: null });
		known.add(id);
	}
	return tags;
}

function commerceOf(
	resources: ResourceSet,
	anchor: Resource | null,
	order: Resource | null,
): LeadCommerce | null {
	if (anchor === null && order === null) return null;

	const purchase = resources.first('purchases');
	const transaction = resources.first('transactions');
	const offer =
		resources.related(purchase ?? transaction, 'offer', 'offers') ??
		(relatedId(purchase ?? transaction, 'offer') === null ? resources.first('offers') : null);
	const items = resources.all('order_items');
	const commerce = emptyCommerce();

	const orderAttributes: JsonObject = order?.attributes ?? {};
	const anchorAttributes: JsonObject = anchor?.attributes ?? {};

	commerce.currency =
		readText(orderAttributes.currency_code) ??
		readText(anchorAttributes.currency) ??
		readText(offer?.attributes.currency);
	commerce.amountMinor =
		readNumber(orderAttributes.total_price_in_cents) ??
		readNumber(anchorAttributes.amount_in_cents);
	commerce.amount = minorToDecimal(commerce.amountMinor, commerce.currency);
	commerce.subtotalMinor = readNumber(orderAttributes.subtotal_in_cents);
	commerce.discountMinor = readNumber(orderAttributes.discount_amount_in_cents);
	commerce.taxMinor =
		readNumber(orderAttributes.sales_tax_amount_in_cents) ??
		readNumber(transaction?.attributes.sales_tax_in_cents);
	commerce.transactionId = transaction?.id ?? null;
	commerce.purchaseId = purchase?.id ?? null;
	commerce.orderId = order?.id ?? null;
	commerce.orderNumber = readText(orderAttributes.order_number);
	commerce.couponCode = readText(purchase?.attributes.coupon_code);
	commerce.paymentType = readText(anchorAttributes.payment_type);
	commerce.paymentMethod = readText(offer?.attributes.payment_method);
	commerce.items = items.map((item) => ({
		title: readText(item.attributes.title),
		quantity: readNumber(item.attributes.quantity),
		itemType: readText(item.attributes.item_type),
		itemId: readText(item.attributes.item_id),
		amountMinor: readNumber(item.attributes.total_price_in_cents),
	}));

	if (offer !== null) {
		commerce.offer = {
			id: offer.id,
			title:
				readText(offer.attributes.title) ??
				readText(offer.attributes.internal_title) ??
				readText(offer.attributes.name),
		};
	} else if (items.length === 1 && commerce.items[0].itemType === 'Offer') {
		// An order of one offer names it only in its item.
		commerce.offer = { id: commerce.items[0].itemId, title: commerce.items[0].title };
	}

	return commerce;
}
