'use strict';

/**
 * Turns the example workflow into the loopback variant the demo and the end-to-end suite run:
 * every destination points at the capture server, and nothing else changes.
 *
 * Airtable's node always calls api.airtable.com, so it is swapped for an HTTP Request node of
 * the same name that sends the same mapped fields, in Airtable's upsert body shape, to
 * `<capture>/airtable/<base>/<table>`. The three HTTP Request nodes keep their bodies and only
 * get loopback URLs. Given a Kajabi account (the stand-in's), the Kajabi nodes get its credential
 * and routed tag, and the trigger registers its own hooks there, as a user with API access would
 * set it up.
 */

const AIRTABLE_NODE_TYPE = 'n8n-nodes-base.airtable';
const HTTP_REQUEST_NODE_TYPE = 'n8n-nodes-base.httpRequest';
const TRIGGER_NODE_TYPE = 'n8n-nodes-kajabi-connect.kajabiTrigger';
const KAJABI_NODE_TYPE = 'n8n-nodes-kajabi-connect.kajabi';
const STICKY_NOTE_TYPE = 'n8n-nodes-base.stickyNote';
const KAJABI_CREDENTIAL_TYPE = 'kajabiOAuth2Api';
const ROUTED_TAG_PLACEHOLDER = 'REPLACE_WITH_ROUTED_TAG_ID';

// Which capture path each placeholder host stands for.
const DESTINATIONS = [
	{ host: 'api.clay.com', path: '/clay' },
	{ host: 'sms-scheduler.example.com', path: '/sms' },
	{ host: 'audit-log.example.com', path: '/audit' },
];

const VARIANT_ID = 'kajabiLeadLoopback';
// Both workflows may be published at once, and n8n refuses two triggers on one webhook path.
const VARIANT_WEBHOOK_ID = '5f1d7c4e-2b8a-4c39-9e61-0a7d3b2c9f11';

/** `={{ $json.a }}` becomes `$json.a`; a plain value becomes its JSON literal. */
function expressionSource(value) {
	if (typeof value === 'string' && value.startsWith('=')) {
		const text = value.slice(1).trim();
		const whole = /^\{\{([\s\S]*)\}\}$/.exec(text);
		if (whole && !whole[1].includes('{{')) return `(${whole[1].trim()})`;
		return JSON.stringify(text);
	}
	return JSON.stringify(value ?? null);
}

function resourceValue(locator) {
	return typeof locator === 'object' && locator !== null ? locator.value : locator;
}

/** The HTTP Request node that stands in for an Airtable upsert or create. */
function airtableStandIn(node, captureUrl) {
	const columns = node.parameters.columns ?? {};
	const mapped = Object.entries(columns.value ?? {}).map(
		([field, value]) => `${JSON.stringify(field)}: ${expressionSource(value)}`,
	);
	const matchOn = columns.matchingColumns ?? [];
	const upsert =
		node.parameters.operation === 'upsert'
			? `performUpsert: { fieldsToMergeOn: ${JSON.stringify(matchOn)} }, `
			: '';
	const base = encodeURIComponent(resourceValue(node.parameters.base));
	const table = encodeURIComponent(resourceValue(node.parameters.table));

	const standIn = {
		...node,
		type: HTTP_REQUEST_NODE_TYPE,
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${captureUrl}/airtable/${base}/${table}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ { ${upsert}records: [{ fields: { ${mapped.join(', ')} } }] } }}`,
			options: {},
		},
	};
	delete standIn.credentials;
	return standIn;
}

function withLoopbackUrl(node, captureUrl) {
	const url = node.parameters?.url;
	if (typeof url !== 'string') return node;

	const destination = DESTINATIONS.find(({ host }) => new URL(url).host === host);
	if (!destination) {
		throw new Error(`node "${node.name}" posts to ${url}, which has no loopback stand-in`);
	}
	return { ...node, parameters: { ...node.parameters, url: `${captureUrl}${destination.path}` } };
}

/** The Kajabi nodes' credential, and the routed tag in place of its placeholder. */
function withKajabiAccount(node, kajabi) {
	const tagIds = node.parameters.tagIds;
	const parameters = Array.isArray(tagIds)
		? {
				...node.parameters,
				tagIds: tagIds.map((tagId) =>
					tagId === ROUTED_TAG_PLACEHOLDER ? kajabi.routedTagId : tagId,
				),
			}
		: node.parameters;
	return { ...node, parameters, credentials: { [KAJABI_CREDENTIAL_TYPE]: kajabi.credential } };
}

/** The trigger registers its own hooks in the given site, as a user with API access would set it. */
function registeringTrigger(node, kajabi) {
	return {
		...node,
		parameters: {
			...node.parameters,
			setup: 'automatic',
			siteId: { __rl: true, mode: 'id', value: kajabi.siteId },
		},
		credentials: { [KAJABI_CREDENTIAL_TYPE]: kajabi.credential },
	};
}

/** The example's note asks for placeholders to be replaced; this copy has none left. */
function loopbackNote(node, captureUrl, kajabi) {
	const kajabiLine = kajabi
		? '- **Kajabi**: the Kajabi stand-in on this machine. The trigger registered its own hooks ' +
			`there (site ${kajabi.siteId}); Enrich Lead and Tag as Routed use its credential.`
		: "- **Kajabi**: no account. Post Kajabi bodies to the trigger's Production URL.";
	const content = [
		'## Loopback copy of the example workflow',
		'Nothing here leaves this machine, and nothing needs replacing: the placeholder ids left in ' +
			"Airtable's path only name folders of the capture server.",
		kajabiLine,
		`- **Airtable, Clay, SMS Scheduler, Audit Log**: the capture server at ${captureUrl}, which ` +
			'records what each destination received (Airtable as an HTTP Request node sending ' +
			"Airtable's upsert body).",
		'',
		'The example itself, with the placeholders to replace, is the other workflow.',
	].join('\n');
	return { ...node, parameters: { ...node.parameters, content, height: 300 } };
}

/**
 * @param {object} workflow the example workflow JSON (left untouched)
 * @param {string} captureUrl the capture server's base URL, e.g. http://127.0.0.1:40123
 * @param {object} [options]
 * @param {{credential: {id: string, name: string}, siteId: string, routedTagId: string}} [options.kajabi]
 *   a Kajabi account (the stand-in's): the Kajabi nodes use its credential, and the trigger
 *   registers its hooks there instead of waiting for a pasted URL
 * @returns {object} the loopback variant, with an id, name and trigger webhook of its own
 */
function loopbackVariant(
	workflow,
	captureUrl,
	{ id = VARIANT_ID, webhookId = VARIANT_WEBHOOK_ID, kajabi } = {},
) {
	const base = captureUrl.replace(/\/+$/, '');
	const nodes = workflow.nodes.map((node) => {
		if (node.type === AIRTABLE_NODE_TYPE) return airtableStandIn(node, base);
		if (node.type === HTTP_REQUEST_NODE_TYPE) return withLoopbackUrl(node, base);
		if (node.type === TRIGGER_NODE_TYPE) {
			return kajabi ? { ...registeringTrigger(node, kajabi), webhookId } : { ...node, webhookId };
		}
		if (node.type === KAJABI_NODE_TYPE && kajabi) return withKajabiAccount(node, kajabi);
		if (node.type === STICKY_NOTE_TYPE) return loopbackNote(node, base, kajabi);
		return node;
	});

	return {
		...structuredClone(workflow),
		id,
		name: `${workflow.name} (loopback)`,
		nodes: structuredClone(nodes),
	};
}

/** The production URL of the workflow's Kajabi Trigger (its fixed webhookId and path `kajabi`). */
function triggerUrl(workflow, n8nBaseUrl) {
	const trigger = workflow.nodes.find((node) => node.type === TRIGGER_NODE_TYPE);
	if (!trigger?.webhookId)
		throw new Error(`workflow ${workflow.id} has no Kajabi Trigger webhookId`);
	return `${n8nBaseUrl}/webhook/${trigger.webhookId}/kajabi`;
}

module.exports = {
	KAJABI_NODE_TYPE,
	TRIGGER_NODE_TYPE,
	VARIANT_ID,
	expressionSource,
	loopbackVariant,
	triggerUrl,
};
