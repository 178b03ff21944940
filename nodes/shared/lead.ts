import { z } from 'zod';

/**
 * The one item shape the Kajabi Trigger emits for every delivery, whatever body Kajabi sent.
 * `docs/lead-item.md` documents each field with an example; the Campaign Router reads it.
 */

export const LEAD_SOURCES = ['api_hook', 'dashboard', 'payload_array'] as const;

/** The six kinds of event Kajabi sends, with dashboard and API names folded together. */
export const EVENT_TYPES = [
	'form_submission',
	'purchase',
	'payment_succeeded',
	'order_created',
	'tag_added',
	'tag_removed',
] as const;

/**
 * `tag_changed` is a bare payload array of a contact and a tag: it does not say whether the tag
 * was added or removed. `other` is an event name Kajabi has not documented.
 */
export const LEAD_EVENT_TYPES = [...EVENT_TYPES, 'tag_changed', 'other'] as const;

export type LeadSource = (typeof LEAD_SOURCES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

const text = z.string().nullable();

export const addressSchema = z.object({
	line1: text,
	line2: text,
	city: text,
	state: text,
	zip: text,
	country: text,
});

export const contactSchema = z.object({
	id: text,
	customerId: text,
	email: text,
	name: text,
	firstName: text,
	lastName: text,
	phone: text,
	phoneRaw: text,
	businessPhone: text,
	address: addressSchema.nullable(),
	subscribed: z.boolean().nullable(),
	externalUserId: text,
});

export const formSchema = z.object({
	id: text,
	title: text,
	/** The form submission's own id, where the body carries it. */
	submissionId: text,
});

export const offerSchema = z.object({
	id: text,
	title: text,
});

export const orderItemSchema = z.object({
	title: text,
	quantity: z.number().nullable(),
	itemType: text,
	itemId: text,
	amountMinor: z.number().nullable(),
});

export const commerceSchema = z.object({
	offer: offerSchema.nullable(),
	currency: text,
	amountMinor: z.number().nullable(),
	amount: z.number().nullable(),
	subtotalMinor: z.number().nullable(),
	discountMinor: z.number().nullable(),
	taxMinor: z.number().nullable(),
	transactionId: text,
	subscriptionId: text,
	purchaseId: text,
	orderId: text,
	orderNumber: text,
	couponCode: text,
	paymentType: text,
	paymentMethod: text,
	paymentProcessor: text,
	items: z.array(orderItemSchema),
});

export const tagSchema = z.object({
	id: z.string(),
	name: text,
});

const customFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const leadSchema = z.object({
	event: z.string().min(1),
	eventType: z.enum(LEAD_EVENT_TYPES),
	source: z.enum(LEAD_SOURCES),
	deliveryId: z.string().min(1),
	kajabiId: text,
	receivedAt: z.string().datetime({ offset: true }),
	isTest: z.boolean(),
	siteId: text,
	form: formSchema.nullable(),
	contact: contactSchema,
	customFields: z.record(customFieldValue),
	tagIds: z.array(z.string()),
	tags: z.array(tagSchema),
	commerce: commerceSchema.nullable(),
	/** Only with the Trigger's "Confirm With Kajabi" option. */
	confirmation: z.object({ status: z.enum(['confirmed', 'unverified']), reason: text }).optional(),
	raw: z.unknown().optional(),
});

export type LeadAddress = z.infer<typeof addressSchema>;
export type LeadContact = z.infer<typeof contactSchema>;
export type LeadForm = z.infer<typeof formSchema>;
export type LeadCommerce = z.infer<typeof commerceSchema>;
export type LeadTag = z.infer<typeof tagSchema>;
export type CustomFieldValue = z.infer<typeof customFieldValue>;
export type KajabiLead = z.infer<typeof leadSchema>;

/** What a rejected delivery becomes when the user asks for bad deliveries to be passed on. */
export interface RejectedDelivery {
	error: {
		code: DeliveryErrorCode;
		message: string;
	};
	deliveryId: string;
	receivedAt: string;
	contentType: string | null;
	bodyBytes: number;
	/** The body text, cut at the size limit, so a rejected lead can still be recovered by hand. */
	rawBody: string;
}

export const DELIVERY_ERROR_CODES = [
	'empty_body',
	'not_json',
	'too_large',
	'unknown_shape',
	'missing_email',
	'invalid_lead',
] as const;

export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];
