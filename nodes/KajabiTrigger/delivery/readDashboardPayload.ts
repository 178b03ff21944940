import { addressOrNull, collectCustomFields, emptyCommerce, type LeadDraft } from './draft';
import { decimalToMinor, minorToDecimal } from './money';
import {
	firstNumber,
	firstText,
	isObject,
	readBoolean,
	readId,
	readPath,
	readText,
	type JsonObject,
} from '../../shared/json/values';
import type { LeadCommerce, LeadTag } from '../../shared/lead';

/**
 * Where each field can be in a dashboard webhook's `payload`. The Purchase Created body has
 * flat keys (`member_email`); Kajabi's reference hints at nested ones (`member.email`) for
 * newer bodies, and the other dashboard events are unpublished, so both are read.
 */
const PATHS = {
	email: [
		'member_email',
		'email',
		'contact_email',
		'customer_email',
		'member.email',
		'contact.email',
		'customer.email',
	],
	name: [
		'member_name',
		'name',
		'contact_name',
		'customer_name',
		'full_name',
		'member.name',
		'contact.name',
		'customer.name',
	],
	firstName: [
		'member_first_name',
		'first_name',
		'member.first_name',
		'contact.first_name',
		'customer.first_name',
	],
	lastName: [
		'member_last_name',
		'last_name',
		'member.last_name',
		'contact.last_name',
		'customer.last_name',
	],
	phone: [
		'mobile_phone_number',
		'contact_mobile_phone_number',
		'contact_phone_number',
		'phone_number',
		'member_phone_number',
		'phone',
		'contact.mobile_phone_number',
		'contact.phone_number',
		'member.phone_number',
		'customer.phone_number',
	],
	businessPhone: ['business_number', 'contact_business_number', 'contact.business_number'],
	contactId: ['contact_id', 'member_id', 'contact.id', 'member.id'],
	customerId: ['customer_id', 'customer.id'],
	externalUserId: [
		'external_user_id',
		'member_external_user_id',
		'member.external_user_id',
		'contact.external_user_id',
	],
	subscribed: ['subscribed', 'opt_in', 'contact.subscribed', 'member.subscribed'],
	siteId: ['site_id', 'site.id'],
	formId: ['form_id', 'form.id'],
	formTitle: ['form_title', 'form_name', 'form.title', 'form.name'],
	submissionId: ['form_submission_id', 'submission_id', 'form_submission.id', 'submission.id'],
	offerId: ['offer_id', 'offer.id'],
	offerTitle: ['offer_title', 'offer.title', 'offer.name', 'offer.internal_title'],
	currency: ['currency', 'currency_code', 'offer.currency', 'transaction.currency'],
	amountMinor: [
		'amount_paid',
		'amount_in_cents',
		'total_price_in_cents',
		'transaction.amount_in_cents',
	],
	amount: ['amount_paid_decimal', 'amount_decimal', 'total_price_decimal'],
	subtotalMinor: ['subtotal', 'subtotal_in_cents'],
	discountMinor: ['discount_amount', 'discount_amount_in_cents'],
	taxMinor: ['sales_tax', 'sales_tax_in_cents', 'sales_tax_amount_in_cents', 'tax_amount'],
	transactionId: ['transaction_id', 'transaction.id'],
	subscriptionId: ['subscription_id', 'subscription.id'],
	purchaseId: ['purchase_id', 'purchase.id'],
	orderId: ['order_id', 'order.id'],
	orderNumber: ['order_number', 'order.order_number'],
	couponCode: ['coupon_code', 'coupon.code'],
	paymentType: ['offer_type', 'payment_type'],
	paymentMethod: ['payment_method'],
	paymentProcessor: ['payment_processor'],
} as const;

function address(payload: JsonObject, part: string): string | null {
	return firstText(payload, [
		`contact_address_${part}`,
		`address_${part}`,
		`member_address_${part}`,
		`contact.address_${part}`,
		`member.address_${part}`,
		`address.${part}`,
	]);
}

/** Reads a dashboard webhook's flat or nested `payload` object into a lead draft. */
export function readDashboardPayload(event: string, payload: JsonObject): LeadDraft {
	const formId = firstText(payload, PATHS.formId);
	const formTitle = firstText(payload, PATHS.formTitle);
	const nestedContact = ['contact', 'member', 'customer']
		.map((key) => payload[key])
		.filter(isObject);

	return {
		event,
		kajabiId: null,
		siteId: firstText(payload, PATHS.siteId),
		form:
			formId === null && formTitle === null
				? null
				: {
						id: formId,
						title: formTitle,
						submissionId: firstText(payload, PATHS.submissionId),
					},
		contact: {
			id: firstText(payload, PATHS.contactId),
			customerId: firstText(payload, PATHS.customerId),
			email: firstText(payload, PATHS.email),
			name: firstText(payload, PATHS.name),
			firstName: firstText(payload, PATHS.firstName),
			lastName: firstText(payload, PATHS.lastName),
			phone: firstText(payload, PATHS.phone),
			businessPhone: firstText(payload, PATHS.businessPhone),
			address: addressOrNull({
				line1: address(payload, 'line_1'),
				line2: address(payload, 'line_2'),
				city: address(payload, 'city'),
				state: address(payload, 'state'),
				zip: address(payload, 'zip'),
				country: address(payload, 'country'),
			}),
			subscribed: readBoolean(
				PATHS.subscribed.map((path) => readPath(payload, path)).find((v) => v !== undefined),
			),
			externalUserId: firstText(payload, PATHS.externalUserId),
		},
		customFields: collectCustomFields(
			payload,
			isObject(payload.custom_fields) ? payload.custom_fields : null,
			...nestedContact,
		),
		tags: tagsOf(payload),
		commerce: commerceOf(payload),
		primaryIds: [
			firstText(payload, PATHS.transactionId),
			firstText(payload, PATHS.purchaseId),
			firstText(payload, PATHS.orderId),
		],
	};
}

const COMMERCE_KEYS = [
	...PATHS.offerId,
	...PATHS.amountMinor,
	...PATHS.amount,
	...PATHS.transactionId,
	...PATHS.orderId,
	...PATHS.purchaseId,
];

function commerceOf(payload: JsonObject): LeadCommerce | null {
	if (!COMMERCE_KEYS.some((path) => readPath(payload, path) !== undefined)) return null;

	const commerce = emptyCommerce();
	const offerId = firstText(payload, PATHS.offerId);
	const offerTitle = firstText(payload, PATHS.offerTitle);
	if (offerId !== null || offerTitle !== null) commerce.offer = { id: offerId, title: offerTitle };

	commerce.currency = firstText(payload, PATHS.currency);
	const decimal = firstNumber(payload, PATHS.amount);
	commerce.amountMinor =
		firstNumber(payload, PATHS.amountMinor) ?? decimalToMinor(decimal, commerce.currency);
	commerce.amount = decimal ?? minorToDecimal(commerce.amountMinor, commerce.currency);
	commerce.subtotalMinor = firstNumber(payload, PATHS.subtotalMinor);
	commerce.discountMinor = firstNumber(payload, PATHS.discountMinor);
	commerce.taxMinor = firstNumber(payload, PATHS.taxMinor);
	commerce.transactionId = firstText(payload, PATHS.transactionId);
	commerce.subscriptionId = firstText(payload, PATHS.subscriptionId);
	commerce.purchaseId = firstText(payload, PATHS.purchaseId);
	commerce.orderId = firstText(payload, PATHS.orderId);
	commerce.orderNumber = firstText(payload, PATHS.orderNumber);
	commerce.couponCode = firstText(payload, PATHS.couponCode);
	commerce.paymentType = firstText(payload, PATHS.paymentType);
	commerce.paymentMethod = firstText(payload, PATHS.paymentMethod);
	commerce.paymentProcessor = firstText(payload, PATHS.paymentProcessor);
	return commerce;
}

/** `tag_ids: [1, 2]`, `tags: [{ id, name }]`, or one `tag_id` / `tag` with a name. */
function tagsOf(payload: JsonObject): LeadTag[] {
	const tags: LeadTag[] = [];
	const add = (id: string | null, name: string | null) => {
		if (id !== null && !tags.some((tag) => tag.id === id)) tags.push({ id, name });
	};

	for (const list of [payload.tag_ids, payload.tags]) {
		if (!Array.isArray(list)) continue;
		for (const entry of list) {
			if (isObject(entry)) add(readId(entry.id), readText(entry.name));
			else add(readId(entry), null);
		}
	}
	add(firstText(payload, ['tag_id', 'tag.id']), firstText(payload, ['tag_name', 'tag.name']));
	return tags;
}
