import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { deepCopy, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isObject, readText as readJsonText } from '../../../shared/json/values';
import { emptyEnrichment } from '../../enrich/buildEnrichment';
import { enrichLead, type LeadTarget } from '../../enrich/enrichLead';
import { enrichmentSession } from '../../enrich/enrichmentSession';
import { LeadCalls } from '../../enrich/leadCalls';
import { looksLikeEmail, maskEmail } from '../../helpers/email';
import { siteLocator } from '../../helpers/parameters';
import { readText, splitIds } from '../../helpers/readParameters';
import type { KajabiOperation } from '../../helpers/types';

const DEFAULT_NAME_CACHE_MINUTES = 60;

interface EnrichOptions {
	nameCacheMinutes?: number;
	nameCustomFields?: boolean;
}

/** The lead to look up, from the fields (which read the Trigger's lead by default). */
function readTarget(this: IExecuteFunctions, itemIndex: number, item: IDataObject): LeadTarget {
	const contactId = readText.call(this, 'contactId', itemIndex);
	const email = contactId === '' ? readText.call(this, 'email', itemIndex) : '';
	if (contactId === '' && email === '') {
		throw new NodeOperationError(this.getNode(), 'The lead has no contact ID and no email', {
			itemIndex,
			description:
				'Map a contact ID or an email, or feed the node lead items from the Kajabi Trigger.',
		});
	}
	if (contactId === '' && !looksLikeEmail(email)) {
		throw new NodeOperationError(this.getNode(), 'The email to look up is not an email address', {
			itemIndex,
			description: 'Give one address such as name@email.com.',
		});
	}
	const siteId = readJsonText(item.siteId) ?? readText.call(this, 'siteId', itemIndex);
	return { contactId, email, siteId };
}

/** The skipped lead's reason: what failed, where, and what it usually means. */
function skipReason(error: Error, calls: LeadCalls): string {
	const message = error.message.replace(/\.$/, '');
	const where = calls.failedRequest ? ` (${calls.failedRequest})` : '';
	const hint = (error as NodeApiError).description;
	const again = calls.replayedFailure
		? ' Kajabi was not asked again: an earlier lead of this execution met this failure.'
		: '';
	return `${message}${where}.${hint ? ` ${hint}` : ''}${again}`;
}

export const enrich: KajabiOperation = {
	option: {
		name: 'Enrich',
		value: 'enrich',
		action: 'Enrich a lead',
		description:
			"Add the contact's tags, offers, customer record, purchases and customer status to a lead",
	},
	properties: [
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: "={{ $json.contact?.id ?? '' }}",
			description:
				'The Kajabi contact ID to look up, by default the one in a Kajabi Trigger lead. When it is empty, the email is used.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: "={{ $json.contact?.email ?? '' }}",
			description:
				'The email to find the contact by when there is no contact ID, by default the one in a Kajabi Trigger lead. The match is exact, ignoring case.',
		},
		siteLocator(
			false,
			'The site to find the email in and to read names from, for leads that do not carry their own siteId. Required for email look-ups when the account has several sites.',
		),
		{
			displayName: 'High-Value Tags',
			name: 'highValueTags',
			type: 'string',
			default: '',
			placeholder: 'VIP, Webinar Attendee',
			description:
				'Tag names or IDs, separated by commas. The engagement score counts how many of them the contact has.',
		},
		{
			displayName: 'On API Failure',
			name: 'onApiFailure',
			type: 'options',
			default: 'passOn',
			options: [
				{
					name: 'Pass Lead On',
					value: 'passOn',
					description:
						'The lead goes on with enrichment.status "skipped" and the reason, so no lead is lost',
				},
				{
					name: 'Stop With Error',
					value: 'stop',
					description: 'The item fails, so Continue On Fail or an error workflow can handle it',
				},
			],
			description:
				'What to do when Kajabi cannot be asked: it is down or rate-limits past the retries, the key lacks a permission, or the lead has no contact ID or email',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Name Cache (Minutes)',
					name: 'nameCacheMinutes',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: DEFAULT_NAME_CACHE_MINUTES,
					description:
						'How long tag and custom field names read from Kajabi are kept in the workflow for later executions of an active workflow. 0 keeps them for one execution only.',
				},
				{
					displayName: 'Name Custom Fields',
					name: 'nameCustomFields',
					type: 'boolean',
					default: true,
					description:
						"Whether to add each of the lead's custom_N values to customFields a second time, under the title Kajabi gives the field",
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const item = this.getInputData()[itemIndex]?.json ?? {};
		const options = this.getNodeParameter('options', itemIndex, {}) as EnrichOptions;
		const stopOnFailure = this.getNodeParameter('onApiFailure', itemIndex, 'passOn') === 'stop';
		const session = enrichmentSession.call(
			this,
			options.nameCacheMinutes ?? DEFAULT_NAME_CACHE_MINUTES,
		);
		const calls = new LeadCalls(this, session.gate, itemIndex);
		const output = deepCopy(item);

		try {
			const target = readTarget.call(this, itemIndex, item);
			const result = await enrichLead(calls, session, {
				target,
				customFields: isObject(item.customFields) ? item.customFields : undefined,
				highValueTags: splitIds(this.getNodeParameter('highValueTags', itemIndex, '')),
				nameCustomFields: options.nameCustomFields !== false,
			});
			if (result.customFields) output.customFields = deepCopy(result.customFields) as IDataObject;
			output.enrichment = result.enrichment as unknown as IDataObject;

			this.logger.debug('Kajabi lead enriched', {
				itemIndex,
				status: result.enrichment.status,
				contactId: result.enrichment.contact?.id ?? (target.contactId || null),
				customerId: result.customerId,
				email: target.email ? maskEmail(target.email) : undefined,
				customerStatus: result.enrichment.customerStatus,
				tags: result.enrichment.tags.length,
				apiCalls: result.enrichment.apiCalls,
			});
			return [output];
		} catch (error) {
			if (stopOnFailure) {
				if (error instanceof NodeApiError) {
					throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}

			const reason = skipReason(error as Error, calls);
			output.enrichment = emptyEnrichment('skipped', reason, calls.count) as unknown as IDataObject;
			this.logger.debug('Kajabi lead passed on without enrichment', {
				itemIndex,
				apiCalls: calls.count,
				request: calls.failedRequest,
				replayed: calls.replayedFailure,
			});
			return [output];
		}
	},
};
