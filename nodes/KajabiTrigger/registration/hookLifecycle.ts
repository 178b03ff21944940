import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_TYPES, type EventType } from '../../shared/lead';
import { DEFAULT_SECRET_NAME, type TriggerSettings } from '../TriggerSettings';
import { createHook, deleteHook, listHooks } from './kajabiHooks';
import { hookServes, planHooks, type WantedHooks } from './hookPlan';

/** Kajabi hook ids this trigger registered, per target URL (production and test differ). */
type HookIdsByUrl = Record<string, Partial<Record<EventType, string>>>;

export function isAutomatic(context: IHookFunctions | IWebhookFunctions): boolean {
	return context.getNodeParameter('setup', 'manual') === 'automatic';
}

function locatorValue(context: IHookFunctions, name: string): string | null {
	const value = context.getNodeParameter(name, '', { extractValue: true });
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	return text.trim() === '' ? null : text.trim();
}

/**
 * The URL Kajabi is given: the trigger's own, with the shared secret in its query when one is
 * set. Kajabi sends no headers of ours, so a secret expected in a header could never arrive.
 */
function hookTargetUrl(context: IHookFunctions): string {
	const webhookUrl = context.getNodeWebhookUrl('default') ?? '';
	const settings = context.getNodeParameter('settings', {}) as TriggerSettings;
	if (!settings.secret) return webhookUrl;

	if ((settings.secretLocation ?? 'query') === 'header') {
		throw new NodeOperationError(context.getNode(), 'Kajabi hooks cannot send a secret header', {
			description:
				'With Register Hook Through Kajabi API, set Secret Location to Query Parameter: the trigger then adds the secret to the URL it registers.',
		});
	}
	const url = new URL(webhookUrl);
	url.searchParams.set(
		settings.parameterName?.trim() || DEFAULT_SECRET_NAME.query,
		settings.secret,
	);
	return url.toString();
}

/** The hooks this trigger needs in Kajabi: one per selected event Kajabi's API can send. */
function wantedHooks(context: IHookFunctions): WantedHooks {
	const selected = context.getNodeParameter('events', []) as string[];
	const onlyForm = locatorValue(context, 'onlyFormId');
	const onlyTag = locatorValue(context, 'onlyTagId');

	return {
		targetUrl: hookTargetUrl(context),
		siteId: locatorValue(context, 'siteId') ?? '',
		events: EVENT_TYPES.filter((event) => selected.includes(event)),
		resourceIdFor: (event) =>
			event === 'form_submission'
				? onlyForm
				: event === 'tag_added' || event === 'tag_removed'
					? onlyTag
					: null,
	};
}

function registered(context: IHookFunctions): HookIdsByUrl {
	const data = context.getWorkflowStaticData('node') as IDataObject;
	data.kajabiHooks ??= {};
	return data.kajabiHooks as HookIdsByUrl;
}

/**
 * Looks the hooks up in Kajabi and never deletes anything. Hooks found for this URL are
 * remembered, so a trigger whose static data was lost still removes them on unpublish.
 */
export async function hooksExist(this: IHookFunctions): Promise<boolean> {
	const wanted = wantedHooks(this);
	const { adopt, create } = planHooks(await listHooks.call(this), wanted);

	registered(this)[wanted.targetUrl] = Object.fromEntries(adopt);
	return create.length === 0;
}

export async function registerHooks(this: IHookFunctions): Promise<void> {
	const wanted = wantedHooks(this);
	const { adopt, create } = planHooks(await listHooks.call(this), wanted);
	const ids: Partial<Record<EventType, string>> = Object.fromEntries(adopt);

	for (const event of create) {
		ids[event] = await createHook.call(this, wanted, event);
	}
	registered(this)[wanted.targetUrl] = ids;
	this.logger.info('Kajabi hooks registered', {
		created: create.length,
		reused: adopt.size,
		events: wanted.events,
	});
}

/**
 * Deletes the hooks this trigger registered for its URL, and any others in Kajabi that serve
 * the same URL and events (left over from a lost static data). A hook already gone is fine.
 */
export async function removeHooks(this: IHookFunctions): Promise<void> {
	const wanted = wantedHooks(this);
	const byUrl = registered(this);
	const ids = new Set(Object.values(byUrl[wanted.targetUrl] ?? {}));

	for (const hook of await listHooks.call(this)) {
		if (wanted.events.some((event) => hookServes(hook, wanted, event))) ids.add(hook.id);
	}

	let gone = 0;
	for (const id of ids) {
		if ((await deleteHook.call(this, id)) === 'gone') gone += 1;
	}
	delete byUrl[wanted.targetUrl];
	this.logger.info('Kajabi hooks removed', { deleted: ids.size - gone, alreadyGone: gone });
}
