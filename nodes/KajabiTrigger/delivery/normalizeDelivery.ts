import { deliveryIdOf } from './deliveryId';
import type { LeadDraft } from './draft';
import { normalizeEmail } from './email';
import { eventTypeOf } from './eventType';
import { completeName } from './names';
import { bodyText, DeliveryError, parseBody, type IncomingBody } from './parseBody';
import { toE164 } from './phone';
import { readDelivery } from './readDelivery';
import {
	leadSchema,
	type KajabiLead,
	type LeadSource,
	type RejectedDelivery,
} from '../../shared/lead';

export interface NormalizeOptions {
	receivedAt?: Date;
	/** ISO country for phone numbers written without a country code, e.g. `US`. */
	defaultCountry?: string | null;
	/** Names users give Kajabi's custom fields: `{ custom_1: 'favorite_song' }`. */
	customFieldNames?: Record<string, string>;
	includeRaw?: boolean;
}

export type NormalizeResult =
	| { ok: true; lead: KajabiLead }
	| { ok: false; rejected: RejectedDelivery };

// Kajabi's own test deliveries use these (FACTS: id 0, transaction 1234567890, @kajabi.com).
const TEST_TRANSACTION_ID = '1234567890';
const TEST_EMAIL_DOMAIN = '@kajabi.com';

/**
 * One delivery in, one lead or one rejection out. Never throws for anything a sender can put
 * in a body: every problem becomes a `RejectedDelivery` with a code and a readable message.
 */
export function normalizeDelivery(
	incoming: IncomingBody,
	options: NormalizeOptions = {},
): NormalizeResult {
	const receivedAt = (options.receivedAt ?? new Date()).toISOString();
	let text = '';

	try {
		text = bodyText(incoming);
		const parsed = parseBody(incoming, text);

		const reading = readDelivery(parsed.body);
		const lead = finishLead(reading.draft, {
			source: reading.source,
			deliveryId: deliveryIdOf(parsed.text),
			receivedAt,
			options,
		});
		if (options.includeRaw) lead.raw = parsed.body;

		return { ok: true, lead: validate(lead) };
	} catch (error) {
		return { ok: false, rejected: rejection(error, incoming, text, receivedAt) };
	}
}

interface FinishContext {
	source: LeadSource;
	deliveryId: string;
	receivedAt: string;
	options: NormalizeOptions;
}

function finishLead(draft: LeadDraft, context: FinishContext): KajabiLead {
	const eventType = eventTypeOf(draft.event);
	const email = normalizeEmail(draft.contact.email);

	if (eventType === 'form_submission' && email === null) {
		throw new DeliveryError(
			'missing_email',
			draft.contact.email === null
				? 'The form submission has no email address.'
				: "The form submission's email address is not valid.",
		);
	}

	const names = completeName(draft.contact.name, draft.contact.firstName, draft.contact.lastName);
	const country = context.options.defaultCountry ?? null;

	return {
		event: draft.event,
		eventType,
		source: context.source,
		deliveryId: context.deliveryId,
		kajabiId: draft.kajabiId,
		receivedAt: context.receivedAt,
		isTest: isTestDelivery(draft, email),
		siteId: draft.siteId,
		form: draft.form,
		contact: {
			id: draft.contact.id,
			customerId: draft.contact.customerId,
			email,
			...names,
			phone: toE164(draft.contact.phone, country),
			phoneRaw: draft.contact.phone,
			businessPhone: draft.contact.businessPhone,
			address: draft.contact.address,
			subscribed: draft.contact.subscribed,
			externalUserId: draft.contact.externalUserId,
		},
		customFields: nameCustomFields(draft.customFields, context.options.customFieldNames),
		tagIds: draft.tags.map((tag) => tag.id),
		tags: draft.tags,
		commerce: draft.commerce,
	};
}

function isTestDelivery(draft: LeadDraft, email: string | null): boolean {
	if (email?.endsWith(TEST_EMAIL_DOMAIN)) return true;
	if (draft.commerce?.transactionId === TEST_TRANSACTION_ID) return true;

	const ids = draft.primaryIds.filter((id): id is string => id !== null);
	return ids.length > 0 && ids.every((id) => id === '0');
}

/** Keeps `custom_N` and adds the user's name for it beside, e.g. `favorite_song`. */
function nameCustomFields(
	fields: KajabiLead['customFields'],
	names: Record<string, string> | undefined,
): KajabiLead['customFields'] {
	if (!names) return fields;

	const named = { ...fields };
	for (const [key, name] of Object.entries(names)) {
		if (key in fields && name && !(name in named)) named[name] = fields[key];
	}
	return named;
}

function validate(lead: KajabiLead): KajabiLead {
	const result = leadSchema.safeParse(lead);
	if (result.success) return lead;

	const issue = result.error.issues[0];
	throw new DeliveryError(
		'invalid_lead',
		`The delivery gave a lead that fails its schema at ${issue.path.join('.')}: ${issue.message}`,
	);
}

function rejection(
	error: unknown,
	incoming: IncomingBody,
	text: string,
	receivedAt: string,
): RejectedDelivery {
	const known = error instanceof DeliveryError;
	const rawBody = text.slice(0, incoming.maxBytes);

	return {
		error: {
			code: known ? error.code : 'invalid_lead',
			message: known ? error.message : 'The delivery could not be read.',
		},
		deliveryId: deliveryIdOf(rawBody),
		receivedAt,
		contentType: incoming.contentType ?? null,
		bodyBytes: Buffer.byteLength(text, 'utf8'),
		rawBody,
	};
}
