import { DeliveryError } from './parseBody';
import { eventOfResourceTypes } from './eventType';
import { ResourceSet, toResource, type Resource } from '../../shared/json/jsonApi';
import { readApiPayload } from './readApiPayload';
import { readDashboardPayload } from './readDashboardPayload';
import type { LeadDraft } from './draft';
import { firstText, isObject, readId, readText, type JsonObject } from '../../shared/json/values';
import type { LeadSource } from '../../shared/lead';

export interface DeliveryReading {
	source: LeadSource;
	/** The envelope's `id`: a uuid on dashboard webhooks, the triggering resource's id on API hooks. */
	envelopeId: string | null;
	draft: LeadDraft;
}

/**
 * Tells the three body shapes apart and hands each to its reader:
 * - an API hook envelope `{ id, event, payload: [resources] }`,
 * - a dashboard envelope `{ id, event, payload: { ...fields } }`, or bare dashboard fields,
 * - a bare array of resources (a hook's `payload` forwarded on its own).
 */
export function readDelivery(body: unknown): DeliveryReading {
	if (Array.isArray(body)) return readResourceArray(body, 'payload_array', null, null);
	if (!isObject(body)) {
		throw new DeliveryError('unknown_shape', 'The delivery body must be a JSON object or array.');
	}

	const event = readText(body.event);
	const envelopeId = readId(body.id);

	if (Array.isArray(body.payload)) {
		return readResourceArray(body.payload, 'api_hook', event, envelopeId);
	}
	if (isObject(body.payload)) {
		return readDashboard(body.payload, event, envelopeId);
	}
	// A JSON:API document forwarded as it is.
	if (Array.isArray(body.data) && body.data.some((entry) => toResource(entry) !== null)) {
		return readResourceArray(body.data, 'payload_array', event, envelopeId);
	}
	if (body.payload === undefined && looksLikeDashboardFields(body)) {
		return readDashboard(body, event, envelopeId);
	}

	throw new DeliveryError(
		'unknown_shape',
		'The delivery is not a Kajabi webhook body: expected {"event", "payload"} or an array of ' +
			'Kajabi resources.',
	);
}

function readResourceArray(
	entries: unknown[],
	source: LeadSource,
	event: string | null,
	envelopeId: string | null,
): DeliveryReading {
	const resources = entries.map(toResource).filter((entry): entry is Resource => entry !== null);
	if (resources.length === 0) {
		throw new DeliveryError('unknown_shape', 'The payload holds no Kajabi resources.');
	}

	const set = new ResourceSet(resources);
	const name = event ?? eventOfResourceTypes(set.types);
	if (name === null) {
		throw new DeliveryError(
			'unknown_shape',
			`The payload's resources (${[...set.types].join(', ')}) match no Kajabi event.`,
		);
	}

	const draft = readApiPayload(name, set);
	return { source, envelopeId, draft: { ...draft, kajabiId: envelopeId ?? draft.kajabiId } };
}

function readDashboard(payload: JsonObject, event: string | null, envelopeId: string | null) {
	const name = event ?? eventOfDashboardFields(payload);
	if (name === null) {
		throw new DeliveryError(
			'unknown_shape',
			'The delivery names no event and its fields match no Kajabi event.',
		);
	}

	const draft = readDashboardPayload(name, payload);
	return { source: 'dashboard' as const, envelopeId, draft: { ...draft, kajabiId: envelopeId } };
}

function looksLikeDashboardFields(body: JsonObject): boolean {
	return (
		firstText(body, ['member_email', 'email', 'contact_email', 'customer_email']) !== null ||
		eventOfDashboardFields(body) !== null
	);
}

/** A dashboard body without an event name: its fields tell a form from a sale. */
function eventOfDashboardFields(payload: JsonObject): string | null {
	if (firstText(payload, ['form_id', 'form.id', 'form_title', 'form.title']) !== null) {
		return 'form_submission';
	}
	if (firstText(payload, ['offer_id', 'offer.id', 'transaction_id', 'amount_paid']) !== null) {
		return 'purchase.created';
	}
	return null;
}
