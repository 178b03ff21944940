import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { readId, readNumber, readText } from '../../shared/json/values';
import type { KajabiLead } from '../../shared/lead';
import { kajabiApiRequest, kajabiErrorStatus } from '../../shared/transport';

/** What to ask Kajabi about a lead, and what its answer must agree with. */
export interface ConfirmationCheck {
	path: string;
	describe: string;
	agrees: (resource: IDataObject) => boolean;
}

export type Confirmation =
	| { status: 'confirmed' }
	| { status: 'unknown'; reason: string }
	| { status: 'unverified'; reason: string };

const attributesOf = (resource: IDataObject) => (resource.attributes ?? {}) as IDataObject;

const relatedIdOf = (resource: IDataObject, name: string) =>
	readId(
		(
			((resource.relationships ?? {}) as IDataObject)[name] as
				| { data?: { id?: unknown } }
				| undefined
		)?.data?.id,
	);

const sameEmail = (resource: IDataObject, lead: KajabiLead) =>
	lead.contact.email === null ||
	readText(attributesOf(resource).email)?.toLowerCase() === lead.contact.email;

/** Agrees unless both sides name a value and the values differ. */
const agreeWhenBothKnown = (ours: string | number | null, theirs: string | number | null) =>
	ours === null || theirs === null || String(ours) === String(theirs);

/**
 * Which record of Kajabi's proves the delivery real: the form submission, purchase,
 * transaction, order or contact it names, fetched by id, and compared with what the body
 * claims (so a real id cannot carry a forged email). Null: the body names nothing to check.
 */
export function confirmationCheck(lead: KajabiLead): ConfirmationCheck | null {
	const { commerce, contact } = lead;
	const id = (value: string | null | undefined) => (value ? encodeURIComponent(value) : null);

	switch (lead.eventType) {
		case 'form_submission': {
			const submission = id(lead.form?.submissionId);
			return submission
				? {
						path: `/v1/form_submissions/${submission}`,
						describe: `form submission ${lead.form?.submissionId}`,
						agrees: (resource) => sameEmail(resource, lead),
					}
				: null;
		}
		case 'purchase':
		case 'payment_succeeded': {
			const purchase = lead.eventType === 'purchase' ? id(commerce?.purchaseId) : null;
			if (purchase) {
				return {
					path: `/v1/purchases/${purchase}`,
					describe: `purchase ${commerce?.purchaseId}`,
					agrees: (resource) =>
						agreeWhenBothKnown(contact.customerId, relatedIdOf(resource, 'customer')),
				};
			}
			const transaction = id(commerce?.transactionId);
			return transaction
				? {
						path: `/v1/transactions/${transaction}`,
						describe: `transaction ${commerce?.transactionId}`,
						agrees: (resource) =>
							agreeWhenBothKnown(
								commerce?.amountMinor ?? null,
								readNumber(attributesOf(resource).amount_in_cents),
							),
					}
				: null;
		}
		case 'order_created': {
			const order = id(commerce?.orderId);
			return order
				? {
						path: `/v1/orders/${order}`,
						describe: `order ${commerce?.orderId}`,
						agrees: (resource) =>
							agreeWhenBothKnown(
								commerce?.amountMinor ?? null,
								readNumber(attributesOf(resource).total_price_in_cents),
							),
					}
				: null;
		}
		case 'tag_added':
		case 'tag_removed':
		case 'tag_changed': {
			const contactId = id(contact.id);
			return contactId
				? {
						path: `/v1/contacts/${contactId}`,
						describe: `contact ${contact.id}`,
						agrees: (resource) => sameEmail(resource, lead),
					}
				: null;
		}
		default:
			return null;
	}
}

/**
 * Asks Kajabi whether the delivery's record exists and agrees with the body. Kajabi signs no
 * delivery, so this is the only proof a body came from Kajabi. When Kajabi cannot be asked
 * (errors after retries, a key without the permission), the lead goes on marked unverified
 * rather than being lost.
 */
export async function confirmDelivery(
	this: IWebhookFunctions,
	lead: KajabiLead,
): Promise<Confirmation> {
	const check = confirmationCheck(lead);
	if (check === null) {
		return { status: 'unknown', reason: 'the delivery names no record Kajabi could confirm' };
	}

	const outcome = await kajabiApiRequest.call(this, { method: 'GET', path: check.path }).then(
		(answer) => ({ answer, failure: null }),
		(error: unknown) => ({ answer: null, failure: error }),
	);

	if (outcome.failure !== null) {
		const status = kajabiErrorStatus(outcome.failure);
		if (status === 404) return { status: 'unknown', reason: `Kajabi has no ${check.describe}` };
		return {
			status: 'unverified',
			reason: `Kajabi could not be asked about ${check.describe} (${status ?? 'no answer'})`,
		};
	}

	const resource = ((outcome.answer ?? {}) as { data?: IDataObject }).data;
	if (!resource || !check.agrees(resource)) {
		return { status: 'unknown', reason: `Kajabi's ${check.describe} does not match the delivery` };
	}
	return { status: 'confirmed' };
}
