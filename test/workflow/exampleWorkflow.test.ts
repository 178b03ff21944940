import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	createKajabiStandIn,
	SEEDED_KEYS,
	type KajabiStandIn,
} from '../../scripts/kajabi-stand-in';
import {
	buildWorkflow,
	deliverToTrigger,
	nodeOutputs,
	OutboundHttp,
	outputJson,
	readWorkflowFile,
	removeTestUserFolder,
	runFromNode,
	TEST_CREDENTIALS,
	TestNodeTypes,
	type TriggerResult,
	type WorkflowFile,
	type WorkflowRun,
} from './harness';

const WORKFLOW = readWorkflowFile(join(__dirname, '../../workflows/kajabi-lead-routing.json'));
const FIXTURES = join(__dirname, '../fixtures/kajabi');

const TRIGGER = 'Kajabi Trigger';
const ENRICH = 'Kajabi: Enrich Lead';
const ROUTER = 'Route to Campaign';
const MESSAGE = 'Campaign Message';
const AIRTABLE = 'Airtable: Upsert Lead';
const CLAY = 'Clay: Send Lead';
const HAS_PHONE = 'Has Phone?';
const SMS = 'SMS Scheduler: Schedule Message';
const KNOWN = 'Tag in Kajabi?';
const TAG = 'Kajabi: Tag as Routed';
const AUDIT = 'Audit Log';

const AIRTABLE_API = 'https://api.airtable.com';
const CLAY_API = 'https://api.clay.com';
const SMS_API = 'https://sms-scheduler.example.com';
const AUDIT_API = 'https://audit-log.example.com';

const UPSERT_PATH = '/v0/appREPLACE_WITH_BASE_ID/tblREPLACE_WITH_TABLE_ID';
const AIRTABLE_RECORD_ID = 'recTESTLEAD000001';

const WEBINAR_TEXT =
	'Thanks for signing up for the webinar! We will text you the link before we go live.';
const NEWSLETTER_TEXT = 'Thanks for joining our newsletter! Watch your inbox for the next issue.';

afterAll(() => removeTestUserFolder());

function fixture(name: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

interface JsonApiResource {
	id: string;
	type: string;
	attributes: Record<string, unknown>;
	relationships: Record<string, { data: { id: string } }>;
}

/** Kajabi's form_submission envelope, for our own form, person and phone number (and site). */
function formSubmission(form: { id: string; title: string }, person: IDataObject, siteId?: string) {
	const body = fixture('openapi-form_submission-envelope-reconstructed.json');
	const payload = body.payload as JsonApiResource[];
	const submission = payload.find((resource) => resource.type === 'form_submissions')!;
	const formResource = payload.find((resource) => resource.type === 'forms')!;

	Object.assign(submission.attributes, person);
	submission.relationships.form.data.id = form.id;
	if (siteId !== undefined) submission.relationships.site.data.id = siteId;
	formResource.id = form.id;
	formResource.attributes.title = form.title;
	return body;
}

interface ExampleRun {
	trigger: TriggerResult;
	lead: IDataObject;
	run: WorkflowRun;
	http: OutboundHttp;
}

/**
 * Posts one delivery to the example workflow and runs it with every destination stubbed. With
 * no Kajabi credentials, the run is that of an account without API access.
 */
async function runExample(
	body: unknown,
	{
		workflow: file = WORKFLOW,
		credentials = TEST_CREDENTIALS,
	}: { workflow?: WorkflowFile; credentials?: Record<string, ICredentialDataDecryptedObject> } = {},
): Promise<ExampleRun> {
	const http = new OutboundHttp()
		.answer(AIRTABLE_API, 'PATCH', /.*/, (sent) => [200, airtableUpsertAnswer(sent)])
		.answer(CLAY_API, 'POST', /.*/, () => [200, { status: 'queued' }])
		.answer(SMS_API, 'POST', /.*/, () => [200, { id: 'sms_1', status: 'scheduled' }])
		.answer(AUDIT_API, 'POST', /.*/, () => [204, '']);

	const workflow = buildWorkflow(file);
	const trigger = await deliverToTrigger(workflow, TRIGGER, { body });
	if (trigger.items === undefined) {
		http.stop();
		throw new Error(`The trigger started no execution: ${JSON.stringify(trigger.responseBody)}`);
	}

	const run = await runFromNode(workflow, TRIGGER, trigger.items, { credentials });
	return { trigger, lead: trigger.items[0].json, run, http };
}

/** Airtable's answer to an upsert: the records as stored, and which were created. */
function airtableUpsertAnswer(sent: unknown) {
	const { records } = sent as { records: Array<{ fields: IDataObject }> };
	return {
		records: records.map(({ fields }) => ({
			id: AIRTABLE_RECORD_ID,
			createdTime: '2026-01-05T10:00:00.000Z',
			fields,
		})),
		createdRecords: [AIRTABLE_RECORD_ID],
		updatedRecords: [],
	};
}

function routerOutputNames(): string[] {
	const workflow = buildWorkflow(WORKFLOW);
	const node = workflow.getNode(ROUTER)!;
	const description = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return NodeHelpers.getNodeOutputs(workflow, node, description.description).map((output) =>
		typeof output === 'string' ? output : (output.displayName ?? output.type),
	);
}

/** The router output each item left through, by output index. */
function routerOutputsUsed(run: WorkflowRun): number[] {
	const [outputs] = nodeOutputs(run, ROUTER);
	return outputs.flatMap((items, index) => items.map(() => index));
}

function bodyOf(http: OutboundHttp, origin: string): unknown {
	const requests = http.to(origin);
	expect(requests).toHaveLength(1);
	return requests[0].body;
}

describe('the example workflow file', () => {
	const nodeTypes = new TestNodeTypes();
	const workflow = buildWorkflow(WORKFLOW, nodeTypes);
	const byName = new Map(WORKFLOW.nodes.map((node) => [node.name, node]));
	const descriptionOf = (node: INode) =>
		nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;

	test('imports into n8n as it is: a fixed id, inactive, v1 execution order, nothing pinned', () => {
		expect(WORKFLOW.id).toBe('kajabiLeadRouting1');
		expect(WORKFLOW.id).toMatch(/^[A-Za-z0-9]{16,36}$/);
		expect(WORKFLOW.active).toBe(false);
		expect(WORKFLOW.settings).toEqual({ executionOrder: 'v1' });
		expect(WORKFLOW.pinData).toEqual({});
	});

	test('holds the eleven working nodes in order, then the sticky note', () => {
		expect(WORKFLOW.nodes.map((node) => node.name)).toEqual([
			TRIGGER,
			ENRICH,
			ROUTER,
			MESSAGE,
			AIRTABLE,
			CLAY,
			HAS_PHONE,
			SMS,
			KNOWN,
			TAG,
			AUDIT,
			'Sticky Note',
		]);
		expect(WORKFLOW.nodes.map((node) => `${node.type}@${node.typeVersion}`)).toEqual([
			'n8n-nodes-kajabi-connect.kajabiTrigger@1',
			'n8n-nodes-kajabi-connect.kajabi@1',
			'n8n-nodes-kajabi-connect.kajabiCampaignRouter@1',
			'n8n-nodes-base.set@3.4',
			'n8n-nodes-base.airtable@2.1',
			'n8n-nodes-base.httpRequest@4.2',
			'n8n-nodes-base.if@2.2',
			'n8n-nodes-base.httpRequest@4.2',
			'n8n-nodes-base.if@2.2',
			'n8n-nodes-kajabi-connect.kajabi@1',
			'n8n-nodes-base.httpRequest@4.2',
			'n8n-nodes-base.stickyNote@1',
		]);
	});

	test('lets both Kajabi nodes fail without stopping the lead, on one Kajabi credential', () => {
		for (const name of [ENRICH, TAG]) {
			expect(byName.get(name)!.onError).toBe('continueRegularOutput');
			expect(byName.get(name)!.credentials).toEqual({
				kajabiOAuth2Api: {
					id: 'REPLACE_WITH_KAJABI_CREDENTIAL_ID',
					name: 'Kajabi account (replace me)',
				},
			});
		}
		expect(byName.get(ENRICH)!.parameters).toMatchObject({
			resource: 'lead',
			operation: 'enrich',
			onApiFailure: 'passOn',
		});
		expect(byName.get(TAG)!.parameters).toMatchObject({
			resource: 'contactTag',
			operation: 'addToContact',
			tagIds: ['REPLACE_WITH_ROUTED_TAG_ID'],
		});
		// Without the API the example must still publish: the trigger waits for a pasted URL.
		expect(byName.get(TRIGGER)!.parameters.setup ?? 'manual').toBe('manual');
		// The lead events only: a tag change is no new lead, and the write-back adds a tag.
		expect(byName.get(TRIGGER)!.parameters.events).toEqual([
			'form_submission',
			'purchase',
			'payment_succeeded',
			'order_created',
		]);
	});

	test('gives every node a uuid, a position and a type and version n8n knows', () => {
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		for (const node of WORKFLOW.nodes) {
			expect(node.id).toMatch(uuid);
			expect(node.position).toEqual([expect.any(Number), expect.any(Number)]);
			expect(nodeTypes.knows(node.type)).toBe(true);
			expect([descriptionOf(node).version].flat()).toContain(node.typeVersion);
		}
		expect(new Set(WORKFLOW.nodes.map((node) => node.id)).size).toBe(WORKFLOW.nodes.length);
		expect(byName.get(TRIGGER)!.webhookId).toBe('5f1d7c4e-2b8a-4c39-9e61-0a7d3b2c9f10');
	});

	test('sets only parameters its nodes declare, and none of their hidden ones', () => {
		for (const node of WORKFLOW.nodes) {
			const properties = descriptionOf(node).properties;
			for (const name of Object.keys(node.parameters)) {
				const declared = properties.filter((property) => property.name === name);
				const settable = declared.some((property) => property.type !== 'hidden');
				expect({ node: node.name, name, settable }).toEqual({
					node: node.name,
					name,
					settable: true,
				});
			}
		}
	});

	test('has no parameter issue that would stop n8n from running it', () => {
		for (const node of Object.values(workflow.nodes)) {
			const description = descriptionOf(node);
			expect({
				node: node.name,
				issues: NodeHelpers.getNodeParametersIssues(description.properties, node, description),
			}).toEqual({ node: node.name, issues: null });
		}
	});

	test('connects only existing nodes, on outputs the source node really has', () => {
		for (const [source, byType] of Object.entries(WORKFLOW.connections)) {
			const sourceNode = workflow.getNode(source);
			expect(sourceNode).not.toBeNull();
			const outputCount = NodeHelpers.getNodeOutputs(
				workflow,
				sourceNode!,
				descriptionOf(sourceNode!),
			).length;

			const outputs = byType.main ?? [];
			expect(outputs.length).toBeLessThanOrEqual(outputCount);
			for (const connection of outputs.flat()) {
				expect(byName.has(connection!.node)).toBe(true);
			}
		}
	});

	test('sends all four router outputs (upsell, webinar, free-guide, Fallback) to Campaign Message', () => {
		expect(routerOutputNames()).toEqual(['upsell', 'webinar', 'free-guide', 'Fallback']);
		expect(WORKFLOW.connections[ROUTER].main.map((targets) => targets![0].node)).toEqual([
			MESSAGE,
			MESSAGE,
			MESSAGE,
			MESSAGE,
		]);
	});

	test('sends the lead on after Has Phone? and Tag in Kajabi? both ways, to the audit log', () => {
		const targets = (name: string) =>
			WORKFLOW.connections[name].main.map((branch) => branch![0].node);
		expect(WORKFLOW.connections[TRIGGER].main[0]![0].node).toBe(ENRICH);
		expect(WORKFLOW.connections[ENRICH].main[0]![0].node).toBe(ROUTER);
		expect(targets(HAS_PHONE)).toEqual([SMS, KNOWN]);
		expect(targets(SMS)).toEqual([KNOWN]);
		expect(targets(KNOWN)).toEqual([TAG, AUDIT]);
		expect(targets(TAG)).toEqual([AUDIT]);
	});

	test('reads left to right: every connection points rightwards on the canvas', () => {
		for (const [source, byType] of Object.entries(WORKFLOW.connections)) {
			for (const connection of (byType.main ?? []).flat()) {
				const from = byName.get(source)!.position[0];
				const to = byName.get(connection!.node)!.position[0];
				expect({ source, target: connection!.node, rightwards: to > from }).toEqual({
					source,
					target: connection!.node,
					rightwards: true,
				});
			}
		}
	});

	test('names every placeholder a user must replace REPLACE..., and explains them in a note', () => {
		const airtable = byName.get(AIRTABLE)!;
		const base = airtable.parameters.base as IDataObject;
		const table = airtable.parameters.table as IDataObject;
		expect(base.value).toBe('appREPLACE_WITH_BASE_ID');
		expect(table.value).toBe('tblREPLACE_WITH_TABLE_ID');
		expect(airtable.credentials).toEqual({
			airtableTokenApi: {
				id: expect.stringMatching(/^REPLACE/),
				name: 'Airtable account (replace me)',
			},
		});

		const urls = [CLAY, SMS, AUDIT].map((name) => String(byName.get(name)!.parameters.url));
		expect(urls).toEqual([
			'https://api.clay.com/v3/sources/webhook/REPLACE-WITH-YOUR-CLAY-TABLE-WEBHOOK',
			'https://sms-scheduler.example.com/REPLACE-WITH-YOUR-SCHEDULER-ENDPOINT',
			'https://audit-log.example.com/REPLACE-WITH-YOUR-AUDIT-ENDPOINT',
		]);

		const note = String(byName.get('Sticky Note')!.parameters.content);
		for (const placeholder of [
			'appREPLACE_WITH_BASE_ID',
			'tblREPLACE_WITH_TABLE_ID',
			'REPLACE-WITH-YOUR-CLAY-TABLE-WEBHOOK',
			'REPLACE-WITH-YOUR-',
			'REPLACE_WITH_ROUTED_TAG_ID',
			'2001',
		]) {
			expect(note).toContain(placeholder);
		}
	});

	test('posts JSON without authentication or extra options from every HTTP Request node', () => {
		for (const name of [CLAY, SMS, AUDIT]) {
			const { parameters } = byName.get(name)!;
			expect(parameters).toMatchObject({
				method: 'POST',
				sendBody: true,
				specifyBody: 'json',
				options: {},
			});
			expect(parameters.authentication).toBeUndefined();
			expect(byName.get(name)!.onError).toBeUndefined();
		}
	});
});

describe('a webinar sign-up (form 2001) with a phone number', () => {
	const person = {
		name: 'Ada Lovelace',
		email: 'ada.lovelace@example.com',
		phone_number: '(415) 555-0132',
	};
	let example: ExampleRun;

	beforeAll(async () => {
		example = await runExample(
			formSubmission({ id: '2001', title: 'Live Webinar Sign-up' }, person),
		);
	});
	afterAll(() => example?.http.stop());

	test('the trigger answers Kajabi 200 "accepted" and starts the run with the lead', () => {
		const { trigger, lead } = example;
		expect(trigger.statusCode).toBe(200);
		expect(trigger.responseBody).toEqual({
			status: 'accepted',
			deliveryId: lead.deliveryId,
			event: 'form_submission',
		});
		expect(trigger.items).toHaveLength(1);
		expect(lead).toMatchObject({
			event: 'form_submission',
			form: { id: '2001', title: 'Live Webinar Sign-up' },
			contact: { email: 'ada.lovelace@example.com', name: 'Ada Lovelace', phone: '+14155550132' },
		});
		expect(lead.deliveryId).toMatch(/^[0-9a-f]{32}$/);
	});

	test('runs every node once, in order, and succeeds', () => {
		expect(example.run.status).toBe('success');
		expect(example.run.error).toBeUndefined();
		expect(example.run.executionOrder).toEqual([
			TRIGGER,
			ENRICH,
			ROUTER,
			MESSAGE,
			AIRTABLE,
			CLAY,
			HAS_PHONE,
			SMS,
			KNOWN,
			AUDIT,
		]);
		expect(example.http.requests.map((request) => request.origin)).toEqual([
			AIRTABLE_API,
			CLAY_API,
			SMS_API,
			AUDIT_API,
		]);
		expect(example.http.unmatched).toEqual([]);
	});

	test('without API access, Enrich Lead passes the lead on as skipped, saying why', () => {
		const [item] = outputJson(example.run, ENRICH);
		expect(item.contact).toEqual(example.lead.contact);
		expect(item.enrichment).toMatchObject({
			status: 'skipped',
			reason: expect.stringMatching(/credential/i),
			customerStatus: null,
			tags: [],
		});
		expect(example.run.runData[TAG]).toBeUndefined();
	});

	test('the router sends the lead out of its "webinar" output', () => {
		expect(routerOutputsUsed(example.run)).toEqual([1]);
		expect(outputJson(example.run, ROUTER, 1)[0]).toMatchObject({
			campaign: 'webinar',
			routedBy: 'form id 2001 → webinar',
		});
		expect(outputJson(example.run, MESSAGE)[0]).toMatchObject({
			campaign: 'webinar',
			smsMessage: WEBINAR_TEXT,
			contact: { email: 'ada.lovelace@example.com' },
		});
	});

	test('Airtable gets one upsert PATCH on the base and table, merged on Email', () => {
		const [request] = example.http.to(AIRTABLE_API);
		expect(example.http.to(AIRTABLE_API)).toHaveLength(1);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(UPSERT_PATH);
		expect(request.headers.authorization).toBe('Bearer patTEST');
		expect(request.body).toEqual({
			typecast: false,
			performUpsert: { fieldsToMergeOn: ['Email'] },
			records: [
				{
					fields: {
						Email: 'ada.lovelace@example.com',
						Name: 'Ada Lovelace',
						Phone: '+14155550132',
						Campaign: 'webinar',
						Form: 'Live Webinar Sign-up',
						Event: 'form_submission',
						'Kajabi Delivery ID': example.lead.deliveryId,
						'Received At': example.lead.receivedAt,
					},
				},
			],
		});
	});

	test('Clay gets the lead from Campaign Message, though Airtable replaced the item', () => {
		expect(outputJson(example.run, AIRTABLE)).toEqual([
			expect.objectContaining({ id: AIRTABLE_RECORD_ID, fields: expect.any(Object) }),
		]);
		expect(outputJson(example.run, AIRTABLE)[0]).not.toHaveProperty('contact');

		expect(bodyOf(example.http, CLAY_API)).toEqual({
			email: 'ada.lovelace@example.com',
			name: 'Ada Lovelace',
			phone: '+14155550132',
			campaign: 'webinar',
			formId: '2001',
			formTitle: 'Live Webinar Sign-up',
			event: 'form_submission',
			deliveryId: example.lead.deliveryId,
		});
	});

	test('every item after the router traces back to the lead through pairedItem', () => {
		for (const name of [ENRICH, MESSAGE, AIRTABLE, CLAY, HAS_PHONE, SMS, KNOWN, AUDIT]) {
			const items: INodeExecutionData[] = nodeOutputs(example.run, name).flat(2);
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	test("the SMS scheduler gets the webinar text for the lead's E.164 number", () => {
		expect(example.http.to(SMS_API)[0]?.path).toBe('/REPLACE-WITH-YOUR-SCHEDULER-ENDPOINT');
		expect(bodyOf(example.http, SMS_API)).toEqual({
			to: '+14155550132',
			message: WEBINAR_TEXT,
			campaign: 'webinar',
			leadEmail: 'ada.lovelace@example.com',
		});
	});

	test('the audit log records the delivery, its route and that an SMS was scheduled', () => {
		expect(bodyOf(example.http, AUDIT_API)).toEqual({
			deliveryId: example.lead.deliveryId,
			event: 'form_submission',
			campaign: 'webinar',
			routedBy: 'form id 2001 → webinar',
			priority: null,
			email: 'ada.lovelace@example.com',
			enrichment: 'skipped',
			customerStatus: null,
			smsScheduled: true,
			taggedInKajabi: false,
		});
	});
});

describe('a free-guide download (form 2002) without a phone number', () => {
	let example: ExampleRun;

	beforeAll(async () => {
		example = await runExample(
			formSubmission(
				{ id: '2002', title: 'Free Guide: 10 Lessons' },
				{ name: 'Grace Hopper', email: 'grace.hopper@example.com', phone_number: null },
			),
		);
	});
	afterAll(() => example?.http.stop());

	test('leaves the router through "free-guide" and gets the free-guide text', () => {
		expect(example.run.status).toBe('success');
		expect(routerOutputsUsed(example.run)).toEqual([2]);
		expect(outputJson(example.run, MESSAGE)[0]).toMatchObject({
			campaign: 'free-guide',
			routedBy: 'form id 2002 → free-guide',
			smsMessage: 'Your free guide is on its way to your inbox. Enjoy the read!',
		});
	});

	test('Airtable gets no Phone column at all, so an upsert never blanks a stored number', () => {
		expect(bodyOf(example.http, AIRTABLE_API)).toEqual({
			typecast: false,
			performUpsert: { fieldsToMergeOn: ['Email'] },
			records: [
				{
					fields: {
						Email: 'grace.hopper@example.com',
						Name: 'Grace Hopper',
						Campaign: 'free-guide',
						Form: 'Free Guide: 10 Lessons',
						Event: 'form_submission',
						'Kajabi Delivery ID': example.lead.deliveryId,
						'Received At': example.lead.receivedAt,
					},
				},
			],
		});
	});

	test('Clay still gets the lead, with phone null', () => {
		expect(bodyOf(example.http, CLAY_API)).toMatchObject({
			email: 'grace.hopper@example.com',
			phone: null,
			campaign: 'free-guide',
			formId: '2002',
		});
	});

	test('skips the SMS scheduler: Has Phone? sends the lead down its false branch', () => {
		const [[trueBranch, falseBranch]] = nodeOutputs(example.run, HAS_PHONE);
		expect(trueBranch).toEqual([]);
		expect(falseBranch).toHaveLength(1);
		expect(example.run.runData[SMS]).toBeUndefined();
		expect(example.http.to(SMS_API)).toEqual([]);
		expect(example.run.executionOrder).toEqual([
			TRIGGER,
			ENRICH,
			ROUTER,
			MESSAGE,
			AIRTABLE,
			CLAY,
			HAS_PHONE,
			KNOWN,
			AUDIT,
		]);
	});

	test('the audit log says no SMS was scheduled', () => {
		expect(bodyOf(example.http, AUDIT_API)).toEqual({
			deliveryId: example.lead.deliveryId,
			event: 'form_submission',
			campaign: 'free-guide',
			routedBy: 'form id 2002 → free-guide',
			priority: null,
			email: 'grace.hopper@example.com',
			enrichment: 'skipped',
			customerStatus: null,
			smsScheduled: false,
			taggedInKajabi: false,
		});
	});
});

describe('a dashboard Purchase Created test delivery (no form)', () => {
	let example: ExampleRun;

	beforeAll(async () => {
		example = await runExample(fixture('dashboard-purchase.created-test-delivery.json'));
	});
	afterAll(() => example?.http.stop());

	test('the trigger reads the flat dashboard body into a lead with an E.164 phone', () => {
		expect(example.trigger.responseBody).toMatchObject({
			status: 'accepted',
			event: 'purchase.created',
		});
		expect(example.lead).toMatchObject({
			event: 'purchase.created',
			eventType: 'purchase',
			source: 'dashboard',
			isTest: true,
			form: null,
			contact: { email: 'test.student@example.com', name: 'Test Student', phone: '+19495551212' },
		});
	});

	test('falls back to the default campaign, newsletter, through the Fallback output', () => {
		expect(example.run.status).toBe('success');
		expect(routerOutputsUsed(example.run)).toEqual([3]);
		expect(outputJson(example.run, ROUTER, 3)[0]).toMatchObject({
			campaign: 'newsletter',
			routedBy: 'default campaign (no form: event purchase.created)',
		});
	});

	test('Airtable gets the purchase without a Form column', () => {
		expect(bodyOf(example.http, AIRTABLE_API)).toEqual({
			typecast: false,
			performUpsert: { fieldsToMergeOn: ['Email'] },
			records: [
				{
					fields: {
						Email: 'test.student@example.com',
						Name: 'Test Student',
						Phone: '+19495551212',
						Campaign: 'newsletter',
						Event: 'purchase.created',
						'Kajabi Delivery ID': example.lead.deliveryId,
						'Received At': example.lead.receivedAt,
					},
				},
			],
		});
	});

	test('Clay gets null form fields, and the buyer is texted the newsletter message', () => {
		expect(bodyOf(example.http, CLAY_API)).toMatchObject({
			email: 'test.student@example.com',
			campaign: 'newsletter',
			formId: null,
			formTitle: null,
			event: 'purchase.created',
		});
		expect(bodyOf(example.http, SMS_API)).toEqual({
			to: '+19495551212',
			message: NEWSLETTER_TEXT,
			campaign: 'newsletter',
			leadEmail: 'test.student@example.com',
		});
		expect(bodyOf(example.http, AUDIT_API)).toMatchObject({
			campaign: 'newsletter',
			routedBy: 'default campaign (no form: event purchase.created)',
			smsScheduled: true,
		});
	});
});

describe('a delivery Kajabi sends twice (form 2003)', () => {
	const body = formSubmission(
		{ id: '2003', title: 'Free Guide: Checklist' },
		{ name: 'Katherine Johnson', email: 'katherine.johnson@example.com', phone_number: null },
	);
	let first: ExampleRun;
	let second: TriggerResult;

	beforeAll(async () => {
		first = await runExample(body);
		second = await deliverToTrigger(buildWorkflow(WORKFLOW), TRIGGER, { body });
	});
	afterAll(() => first?.http.stop());

	test('the first one runs, through the free-guide output it shares with form 2002', () => {
		expect(first.run.status).toBe('success');
		expect(routerOutputsUsed(first.run)).toEqual([2]);
		expect(first.http.to(AIRTABLE_API)).toHaveLength(1);
	});

	test('the repeat is answered 200 "duplicate" and starts no second run', () => {
		expect(second.statusCode).toBe(200);
		expect(second.responseBody).toEqual({ status: 'duplicate', deliveryId: first.lead.deliveryId });
		expect(second.items).toBeUndefined();
	});
});

describe('a campaign the message table does not name', () => {
	let run: WorkflowRun;
	let http: OutboundHttp;

	beforeAll(async () => {
		const workflow = buildWorkflow(WORKFLOW);
		const trigger = await deliverToTrigger(workflow, TRIGGER, {
			body: formSubmission(
				{ id: '2001', title: 'Live Webinar Sign-up' },
				{
					name: 'Mary Jackson',
					email: 'mary.jackson@example.com',
					phone_number: '+1 415 555 0199',
				},
			),
		});
		const routed = { ...trigger.items![0].json, campaign: 'masterclass', routedBy: 'test' };

		http = new OutboundHttp()
			.answer(AIRTABLE_API, 'PATCH', /.*/, (sent) => [200, airtableUpsertAnswer(sent)])
			.answer(CLAY_API, 'POST', /.*/)
			.answer(SMS_API, 'POST', /.*/)
			.answer(AUDIT_API, 'POST', /.*/);
		run = await runFromNode(workflow, MESSAGE, [{ json: routed }]);
	});
	afterAll(() => http?.stop());

	test('gets the generic thank-you text by SMS', () => {
		expect(run.status).toBe('success');
		expect(bodyOf(http, SMS_API)).toEqual({
			to: '+14155550199',
			message: 'Thanks for getting in touch! We will be in contact soon.',
			campaign: 'masterclass',
			leadEmail: 'mary.jackson@example.com',
		});
	});
});

describe('with the Kajabi API: enriched, routed on who the person is, and tagged back', () => {
	const ROUTED_TAG = 'Routed by n8n';
	let standIn: KajabiStandIn;
	let credentials: Record<string, ICredentialDataDecryptedObject>;
	let customer: ExampleRun;
	let stranger: ExampleRun;
	let tagChange: ExampleRun;

	beforeAll(async () => {
		standIn = await createKajabiStandIn({ port: 0 });
		const routedTag = standIn.state.contactTags.find((tag) => tag.attributes.name === ROUTED_TAG)!;
		const workflow = structuredClone(WORKFLOW);
		workflow.nodes.find((node) => node.name === TAG)!.parameters.tagIds = [routedTag.id];
		credentials = {
			...TEST_CREDENTIALS,
			kajabiOAuth2Api: {
				clientId: SEEDED_KEYS.owner.clientId,
				clientSecret: SEEDED_KEYS.owner.clientSecret,
				baseUrl: standIn.url,
			},
		};

		// Ava Martinez is a paying customer of site 101 in the stand-in; the other address is unknown.
		customer = await runExample(
			formSubmission(
				{ id: '2001', title: 'Live Webinar Sign-up' },
				{ name: 'Ava Martinez', email: 'AVA.martinez@example.com', phone_number: null },
				'101',
			),
			{ workflow, credentials },
		);
		// Each run records only its own requests: the next one gets a fresh set of stubs.
		customer.http.stop();
		stranger = await runExample(
			formSubmission(
				{ id: '2002', title: 'Free Guide: 10 Lessons' },
				{ name: 'Dorothy Vaughan', email: 'dorothy.vaughan@example.com', phone_number: null },
				'101',
			),
			{ workflow, credentials },
		);
		stranger.http.stop();
		// The example listens to no tag changes; a user may add them, and the write-back must not loop.
		const withTagChanges = structuredClone(workflow);
		const trigger = withTagChanges.nodes.find((node) => node.name === TRIGGER)!;
		trigger.parameters.events = [...(trigger.parameters.events as string[]), 'tag_added'];
		tagChange = await runExample(tagAdded('5001', 'ava.martinez@example.com', '101'), {
			workflow: withTagChanges,
			credentials,
		});
	});
	afterAll(async () => {
		tagChange?.http.stop();
		await standIn?.close();
	});

	/** Kajabi's tag_added envelope for one of the stand-in's people. */
	function tagAdded(contactId: string, email: string, siteId: string) {
		const body = fixture('openapi-tag_added-envelope-reconstructed.json');
		const [contact] = body.payload as JsonApiResource[];
		contact.id = contactId;
		Object.assign(contact.attributes, { email, phone_number: null });
		contact.relationships.site.data.id = siteId;
		return body;
	}

	test("Enrich Lead adds the customer's Kajabi profile, tag names and customer status", () => {
		expect(customer.run.status).toBe('success');
		const [item] = outputJson(customer.run, ENRICH);
		expect(item.enrichment).toMatchObject({
			status: 'enriched',
			contact: { id: '5001', name: 'Ava Martinez' },
			customer: { id: '8001', netRevenue: 497 },
			customerStatus: 'customer',
			engagementScore: 1,
		});
		const tagNames = (item.enrichment as IDataObject).tags as Array<{ name: string }>;
		expect(tagNames.map((tag) => tag.name).sort()).toEqual(['Customer', 'Lead', 'VIP']);
	});

	test('the customer goes to the upsell campaign by the condition, not by her form', () => {
		expect(routerOutputsUsed(customer.run)).toEqual([0]);
		expect(outputJson(customer.run, ROUTER, 0)[0]).toMatchObject({
			campaign: 'upsell',
			routedBy: 'rule 2: customer status is customer → upsell',
		});
		expect(bodyOf(customer.http, AIRTABLE_API)).toMatchObject({
			records: [{ fields: { Campaign: 'upsell', 'Customer Status': 'customer' } }],
		});
	});

	test('the routed tag is written back to her contact in Kajabi, and the audit log says so', () => {
		const contact = standIn.state.contacts.find((record) => record.id === '5001')!;
		const routedTag = standIn.state.contactTags.find((tag) => tag.attributes.name === ROUTED_TAG)!;
		expect(contact.tagIds).toContain(routedTag.id);
		expect(customer.run.executionOrder).toEqual([
			TRIGGER,
			ENRICH,
			ROUTER,
			MESSAGE,
			AIRTABLE,
			CLAY,
			HAS_PHONE,
			KNOWN,
			TAG,
			AUDIT,
		]);
		expect(bodyOf(customer.http, AUDIT_API)).toMatchObject({
			campaign: 'upsell',
			enrichment: 'enriched',
			customerStatus: 'customer',
			taggedInKajabi: true,
		});
	});

	test('a person Kajabi does not know is routed by form, and nothing is tagged', () => {
		expect(stranger.run.status).toBe('success');
		expect(outputJson(stranger.run, ENRICH)[0].enrichment).toMatchObject({
			status: 'not_found',
			contact: null,
		});
		expect(outputJson(stranger.run, ROUTER, 2)[0]).toMatchObject({ campaign: 'free-guide' });
		expect(stranger.run.runData[TAG]).toBeUndefined();
		expect(bodyOf(stranger.http, AUDIT_API)).toMatchObject({
			enrichment: 'not_found',
			taggedInKajabi: false,
		});
	});

	test('a tag change is enriched and routed, but not tagged back, so the write-back cannot loop', () => {
		expect(tagChange.run.status).toBe('success');
		expect(outputJson(tagChange.run, ENRICH)[0].enrichment).toMatchObject({
			status: 'enriched',
			contact: { id: '5001' },
		});
		expect(tagChange.run.runData[TAG]).toBeUndefined();
		expect(bodyOf(tagChange.http, AUDIT_API)).toMatchObject({
			event: 'tag_added',
			campaign: 'upsell',
			taggedInKajabi: false,
		});
	});
});
