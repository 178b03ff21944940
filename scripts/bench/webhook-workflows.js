'use strict';

/**
 * The three workflows the webhook benchmark compares, each answering at once:
 * 1. a bare Webhook node that does nothing,
 * 2. the do-it-yourself way: a Webhook node and a Code node that pulls the form id out of a
 *    Kajabi body and maps it to a campaign,
 * 3. the Kajabi Trigger and the Kajabi Campaign Router with the same table.
 * All three map forms 2001-2003 as the example workflow does, anything else to `newsletter`.
 */

const { CAMPAIGN_OF_FORM, ROUTER_PARAMETERS } = require('../lib/distinct-deliveries');

const PACKAGE = 'n8n-nodes-kajabi-connect';

const settings = { executionOrder: 'v1' };

// What a person writes in a Code node for this job: find the form submission by type, read
// its form, look the campaign up, keep the email. Dashboard bodies are flat.
const DIY_CODE = `const CAMPAIGNS = ${JSON.stringify(CAMPAIGN_OF_FORM)};

return $input.all().map((item) => {
	const body = item.json.body ?? {};
	const resources = Array.isArray(body) ? body : Array.isArray(body.payload) ? body.payload : [];
	const submission = resources.find((resource) => resource && resource.type === 'form_submissions');
	const person = submission ?? resources.find((resource) => resource && resource.attributes && resource.attributes.email);
	const flat = !Array.isArray(body.payload) && body.payload ? body.payload : {};
	const formId = submission?.relationships?.form?.data?.id ?? flat.form_id ?? null;
	return {
		json: {
			event: body.event ?? null,
			formId: formId === null ? null : String(formId),
			email: (person?.attributes?.email ?? flat.member_email ?? '').trim().toLowerCase() || null,
			campaign: CAMPAIGNS[String(formId)] ?? 'newsletter',
		},
	};
});`;

function webhookNode(id, webhookId, path) {
	return {
		id,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/**
 * @param {object} [options]
 * @param {number} [options.duplicateWindowSeconds] the Trigger's setting (600 by default, as shipped)
 */
function benchWorkflows({ duplicateWindowSeconds = 600 } = {}) {
	const bare = {
		id: 'benchBareWebhook',
		name: 'Bench: bare Webhook',
		active: false,
		nodes: [
			webhookNode(
				'b0a1c2d3-0000-4000-8000-000000000001',
				'b0a1c2d3-1111-4000-8000-000000000001',
				'bench-bare',
			),
		],
		connections: {},
		settings,
	};

	const diy = {
		id: 'benchWebhookCode',
		name: 'Bench: Webhook and Code node',
		active: false,
		nodes: [
			webhookNode(
				'b0a1c2d3-0000-4000-8000-000000000002',
				'b0a1c2d3-1111-4000-8000-000000000002',
				'bench-diy',
			),
			{
				id: 'b0a1c2d3-0000-4000-8000-000000000003',
				name: 'Form to Campaign',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, 0],
				parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: DIY_CODE },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Form to Campaign', type: 'main', index: 0 }]] },
		},
		settings,
	};

	const kajabi = {
		id: 'benchKajabiRouter',
		name: 'Bench: Kajabi Trigger and Campaign Router',
		active: false,
		nodes: [
			{
				id: 'b0a1c2d3-0000-4000-8000-000000000004',
				name: 'Kajabi Trigger',
				type: `${PACKAGE}.kajabiTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'b0a1c2d3-1111-4000-8000-000000000004',
				parameters: { settings: { duplicateWindowSeconds, defaultCountry: 'US' } },
			},
			{
				id: 'b0a1c2d3-0000-4000-8000-000000000005',
				name: 'Route to Campaign',
				type: `${PACKAGE}.kajabiCampaignRouter`,
				typeVersion: 1,
				position: [240, 0],
				parameters: structuredClone(ROUTER_PARAMETERS),
			},
		],
		connections: {
			'Kajabi Trigger': { main: [[{ node: 'Route to Campaign', type: 'main', index: 0 }]] },
		},
		settings,
	};

	return [
		{ key: 'bare', label: '(1) bare Webhook', workflow: bare, path: '/webhook/bench-bare' },
		{ key: 'diy', label: '(2) Webhook + Code', workflow: diy, path: '/webhook/bench-diy' },
		{
			key: 'kajabi',
			label: '(3) Kajabi Trigger + Router',
			workflow: kajabi,
			path: `/webhook/${kajabi.nodes[0].webhookId}/kajabi`,
		},
	];
}

module.exports = { DIY_CODE, benchWorkflows };
