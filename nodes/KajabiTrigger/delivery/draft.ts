import type {
	CustomFieldValue,
	LeadAddress,
	LeadCommerce,
	LeadForm,
	LeadTag,
} from '../../shared/lead';

/**
 * What a body-shape reader extracts before the common finishing steps (email and phone
 * normalisation, names, custom-field names, test detection) turn it into a lead.
 */
export interface LeadDraft {
	event: string;
	kajabiId: string | null;
	siteId: string | null;
	form: LeadForm | null;
	contact: {
		id: string | null;
		customerId: string | null;
		email: string | null;
		name: string | null;
		firstName: string | null;
		lastName: string | null;
		phone: string | null;
		businessPhone: string | null;
		address: LeadAddress | null;
		subscribed: boolean | null;
		externalUserId: string | null;
	};
	customFields: Record<string, CustomFieldValue>;
	tags: LeadTag[];
	commerce: LeadCommerce | null;
	/** Ids of the resource or record that triggered the event, for test-delivery detection. */
	primaryIds: Array<string | null>;
}

export function emptyCommerce(): LeadCommerce {
	return {
		offer: null,
		currency: null,
		amountMinor: null,
		amount: null,
		subtotalMinor: null,
		discountMinor: null,
		taxMinor: null,
		transactionId: null,
		subscriptionId: null,
		purchaseId: null,
		orderId: null,
		orderNumber: null,
		couponCode: null,
		paymentType: null,
		paymentMethod: null,
		paymentProcessor: null,
		items: [],
	};
}

/** An address, or null when every part of it is empty. */
export function addressOrNull(address: LeadAddress): LeadAddress | null {
	return Object.values(address).some((part) => part !== null) ? address : null;
}

const CUSTOM_FIELD_KEY = /^custom_\d{1,3}$/;

/** Kajabi's `custom_1` .. `custom_150` values, wherever a body carries them. */
export function collectCustomFields(
	...sources: Array<Record<string, unknown> | null | undefined>
): Record<string, CustomFieldValue> {
	const fields: Record<string, CustomFieldValue> = {};

	for (const source of sources) {
		if (!source) continue;
		for (const [key, value] of Object.entries(source)) {
			if (!CUSTOM_FIELD_KEY.test(key) || key in fields) continue;
			if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
				fields[key] = value as CustomFieldValue;
			} else {
				fields[key] = JSON.stringify(value);
			}
		}
	}

	return fields;
}
