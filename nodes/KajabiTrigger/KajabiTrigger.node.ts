import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchContactTags } from '../Kajabi/methods/listSearch/contactTags';
import { searchForms } from '../Kajabi/methods/listSearch/forms';
import { searchSites } from '../Kajabi/methods/listSearch/sites';
import { normalizeDelivery } from './delivery/normalizeDelivery';
import { readRequestBody } from './delivery/readRequestBody';
import { duplicateWindowFor } from './protection/duplicateWindow';
import { firstValue, presentedSecret, secretMatches } from './protection/secret';
import {
	answerWhenStarted,
	releaseIfAnsweredFirst,
	SharedDuplicates,
} from './protection/sharedDuplicates';
import { confirmDelivery } from './registration/confirmDelivery';
import { hooksExist, isAutomatic, registerHooks, removeHooks } from './registration/hookLifecycle';
import {
	ALL_EVENTS,
	DEFAULT_DUPLICATE_WINDOW_SECONDS,
	DEFAULT_MAX_BODY_SIZE_KB,
	TRIGGER_SUBTITLE,
	triggerProperties,
	type TriggerSettings,
} from './TriggerSettings';
import type { DeliveryErrorCode, KajabiLead, LeadEventType } from '../shared/lead';

const STATUS_BY_ERROR: Record<DeliveryErrorCode, number> = {
	empty_body: 400,
	not_json: 400,
	too_large: 413,
	unknown_shape: 422,
	missing_email: 422,
	invalid_lead: 422,
};

export class KajabiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kajabi Trigger',
		name: 'kajabiTrigger',
		icon: { light: 'file:../../icons/kajabi.svg', dark: 'file:../../icons/kajabi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		// n8n's node panel merges this trigger with the Kajabi node into one "Kajabi" entry and
		// shows this description for it, so it speaks for both.
		description:
			'Start workflows on Kajabi form submissions, purchases, payments, orders and tag changes, and read or change contacts, tags and offers through the Public API',
		eventTriggerDescription: 'Waiting for a Kajabi delivery to the Test URL',
		triggerPanel: {
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'Execute step', then have Kajabi post to the Test URL: with <i>Paste URL Into Kajabi</i>, put the Test URL in the form's or offer's webhook setting for now and submit the form; with <i>Register Hook Through Kajabi API</i>, the trigger registers a hook for the Test URL while it listens. The lead shows up in this editor.<br /><br /><b>Once you're happy with your workflow</b>, give Kajabi the Production URL (or let the trigger register its hooks) and publish the workflow. Every delivery then starts an execution, listed in the <a data-key=\"executions\">executions list</a> but not shown in the editor.",
				active:
					'<b>While building your workflow</b>, click \'Execute step\' and have Kajabi post to the Test URL: the lead shows up in this editor.<br /><br /><b>The workflow is published</b>, so every Kajabi delivery to the Production URL starts an execution, listed in the <a data-key="executions">executions list</a> but not shown in the editor.',
			},
		},
		defaults: { name: 'Kajabi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'kajabiOAuth2Api',
				required: true,
				displayOptions: { show: { setup: ['automatic'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty, so n8n answers with the webhookResponse the trigger returns.
				responseData: '',
				path: 'kajabi',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		listSearch: { searchSites, searchForms, searchContactTags },
	};

	// In manual setup the URL is pasted into Kajabi by hand and nothing is registered remotely.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) return true;
				return await hooksExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) return true;
				await registerHooks.call(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) return true;
				await removeHooks.call(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = this.getNodeParameter('settings', {}) as TriggerSettings;
		const events = this.getNodeParameter('events', ALL_EVENTS) as LeadEventType[];
		const request = this.getRequestObject();
		const response = this.getResponseObject();

		const refuse = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		if (settings.secret && !secretMatches(presentedSecret(request, settings), settings.secret)) {
			this.logger.warn('Kajabi delivery refused: missing or wrong secret');
			return refuse(401, {
				error: { code: 'unauthorized', message: 'The delivery has no secret or a wrong one.' },
			});
		}

		const maxBytes = Math.max(1, settings.maxBodySizeKb ?? DEFAULT_MAX_BODY_SIZE_KB) * 1024;
		let body;
		try {
			body = await readRequestBody(request);
		} catch (error) {
			// n8n stops reading past its own payload limit (N8N_PAYLOAD_SIZE_MAX), or the sender
			// went away mid-body.
			const tooLarge = (error as { type?: string }).type === 'entity.too.large';
			this.logger.warn('Kajabi delivery body could not be read', { tooLarge });
			return refuse(tooLarge ? 413 : 400, {
				error: {
					code: tooLarge ? 'too_large' : 'unreadable_body',
					message: tooLarge
						? 'The delivery is larger than this n8n accepts.'
						: 'The delivery body could not be read.',
				},
			});
		}
		const result = normalizeDelivery(
			{ ...body, contentType: firstValue(request.headers['content-type']), maxBytes },
			{
				defaultCountry: settings.defaultCountry?.trim() || null,
				customFieldNames: customFieldNames(settings),
				includeRaw: settings.includeRawBody === true,
			},
		);

		const deliveryId = result.ok ? result.lead.deliveryId : result.rejected.deliveryId;
		if (!result.ok) {
			const { error, bodyBytes } = result.rejected;
			this.logger.warn('Kajabi delivery rejected', { code: error.code, deliveryId, bodyBytes });
			if (settings.invalidDeliveries !== 'passOn')
				return refuse(STATUS_BY_ERROR[error.code], { error, deliveryId });
		} else if (!acceptsEvent(events, result.lead)) {
			this.logger.debug('Kajabi delivery ignored: event not selected', {
				event: result.lead.event,
				deliveryId,
			});
			return {
				webhookResponse: { status: 'ignored', reason: `event ${result.lead.event} not selected` },
			};
		}

		// Only deliveries whose execution started are remembered: a refused one may be sent again.
		const windowSeconds = settings.duplicateWindowSeconds ?? DEFAULT_DUPLICATE_WINDOW_SECONDS;
		const duplicates =
			windowSeconds > 0
				? new SharedDuplicates(
						duplicateWindowFor(
							`${this.getWorkflow().id ?? ''}:${this.getNode().id ?? this.getNode().name}`,
							windowSeconds * 1000,
						),
						sharedStore(this),
					)
				: null;
		const knownBy = await duplicates?.admit(deliveryId);
		if (knownBy) {
			this.logger.debug('Kajabi delivery skipped as a duplicate', { deliveryId, knownBy });
			return { webhookResponse: { status: 'duplicate', deliveryId } };
		}
		if (duplicates) releaseIfAnsweredFirst(duplicates, response);

		if (!result.ok) {
			return answerWhenStarted(
				{
					workflowData: [[{ json: result.rejected as unknown as IDataObject }]],
					webhookResponse: {
						status: 'accepted_with_error',
						deliveryId,
						error: result.rejected.error,
					},
				},
				duplicates,
			);
		}

		const lead = result.lead;
		if (isAutomatic(this) && this.getNodeParameter('confirmWithKajabi', false) === true) {
			const confirmation = await confirmDelivery.call(this, lead);
			if (confirmation.status === 'unknown') {
				duplicates?.release();
				this.logger.warn('Kajabi delivery refused: not confirmed by Kajabi', {
					deliveryId,
					reason: confirmation.reason,
				});
				return refuse(401, {
					error: { code: 'not_confirmed', message: `Not confirmed: ${confirmation.reason}.` },
					deliveryId,
				});
			}
			lead.confirmation = {
				status: confirmation.status,
				reason: confirmation.status === 'unverified' ? confirmation.reason : null,
			};
			if (confirmation.status === 'unverified') {
				this.logger.warn('Kajabi delivery passed on unverified', { deliveryId });
			}
		}

		this.logger.debug('Kajabi delivery accepted', {
			event: lead.event,
			source: lead.source,
			deliveryId,
		});
		return answerWhenStarted(
			{
				workflowData: [[{ json: lead as unknown as IDataObject }]],
				webhookResponse: { status: 'accepted', deliveryId, event: lead.event },
			},
			duplicates,
		);
	}
}

/** A bare payload array of a contact and a tag cannot tell added from removed: either matches. */
function acceptsEvent(events: LeadEventType[], lead: KajabiLead): boolean {
	if (lead.eventType === 'tag_changed') {
		return events.includes('tag_added') || events.includes('tag_removed');
	}
	return events.includes(lead.eventType);
}

/** The trigger's workflow static data, which n8n shares between its processes, if offered. */
function sharedStore(context: IWebhookFunctions): IDataObject | undefined {
	try {
		return context.getWorkflowStaticData('node');
	} catch {
		return undefined;
	}
}

function customFieldNames(settings: TriggerSettings): Record<string, string> | undefined {
	const fields = settings.customFieldNames?.field;
	if (!fields?.length) return undefined;
	return Object.fromEntries(
		fields
			.filter((field) => field.key?.trim() && field.name?.trim())
			.map((field) => [field.key.trim(), field.name.trim()]),
	);
}
