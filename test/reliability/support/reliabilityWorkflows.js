'use strict';

/**
 * The workflows the reliability suite publishes in a real n8n:
 * - `hostile`: a Kajabi Trigger with its default settings and nothing after it, for the
 *   generated hostile bodies;
 * - `burst`: Kajabi Trigger (shared secret in the query) → Campaign Router (one output per
 *   campaign) → an HTTP Request to the capture server's /leads, with a bearer token, from every
 *   output. Each lead that reaches the destination is one request there.
 */

const { ROUTER_PARAMETERS } = require('../../../scripts/lib/distinct-deliveries');

const PACKAGE = 'n8n-nodes-kajabi-connect';
const settings = { executionOrder: 'v1' };

// Not secrets: made up for this suite, and looked for in the logs afterwards.
const SHARED_SECRET = 'reliability-shared-secret-4f9c2e7a1b';
const DESTINATION_TOKEN = 'reliability-destination-token-8d3b6a0e5c';

function triggerNode(id, webhookId, triggerSettings) {
	return {
		id,
		name: 'Kajabi Trigger',
		type: `${PACKAGE}.kajabiTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { settings: triggerSettings },
	};
}

function reliabilityWorkflows(captureUrl) {
	const hostile = {
		id: 'reliabilityHostile',
		name: 'Reliability: hostile bodies',
		active: false,
		nodes: [
			triggerNode(
				'd1e2f3a4-0000-4000-8000-000000000001',
				'd1e2f3a4-1111-4000-8000-000000000001',
				{},
			),
		],
		connections: {},
		settings,
	};

	const sendLead = {
		id: 'd1e2f3a4-0000-4000-8000-000000000004',
		name: 'Send Lead',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [480, 0],
		parameters: {
			method: 'POST',
			url: `${captureUrl}/leads`,
			sendHeaders: true,
			headerParameters: {
				parameters: [{ name: 'Authorization', value: `Bearer ${DESTINATION_TOKEN}` }],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ { deliveryId: $json.deliveryId, event: $json.event, email: $json.contact.email, ' +
				'formId: $json.form ? $json.form.id : null, campaign: $json.campaign } }}',
			options: {},
		},
	};
	const toSendLead = [{ node: sendLead.name, type: 'main', index: 0 }];

	const burst = {
		id: 'reliabilityBurst',
		name: 'Reliability: burst and replays',
		active: false,
		nodes: [
			triggerNode('d1e2f3a4-0000-4000-8000-000000000002', 'd1e2f3a4-1111-4000-8000-000000000002', {
				secret: SHARED_SECRET,
				secretLocation: 'query',
				duplicateWindowSeconds: 600,
				defaultCountry: 'US',
			}),
			{
				id: 'd1e2f3a4-0000-4000-8000-000000000003',
				name: 'Route to Campaign',
				type: `${PACKAGE}.kajabiCampaignRouter`,
				typeVersion: 1,
				position: [240, 0],
				parameters: structuredClone(ROUTER_PARAMETERS),
			},
			sendLead,
		],
		connections: {
			'Kajabi Trigger': { main: [[{ node: 'Route to Campaign', type: 'main', index: 0 }]] },
			// webinar, free-guide, Fallback (newsletter is the default, not a table campaign)
			'Route to Campaign': { main: [toSendLead, toSendLead, toSendLead] },
		},
		settings,
	};

	return { hostile, burst };
}

/** The production URL of a workflow's Kajabi Trigger. */
function triggerUrl(workflow, baseUrl) {
	return `${baseUrl}/webhook/${workflow.nodes[0].webhookId}/kajabi`;
}

module.exports = { DESTINATION_TOKEN, SHARED_SECRET, reliabilityWorkflows, triggerUrl };
