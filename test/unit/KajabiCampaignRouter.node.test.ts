import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { KajabiCampaignRouter } from '../../nodes/KajabiCampaignRouter/KajabiCampaignRouter.node';

const router = new KajabiCampaignRouter();

const baseParameters = {
	mode: 'outputPerCampaign',
	matchFormBy: 'id',
	rules: {
		rule: [
			{ form: '2001', campaign: 'webinar' },
			{ form: '2002', campaign: 'free-guide' },
		],
	},
	defaultCampaign: '',
	options: {},
};

function executeContext(
	items: INodeExecutionData[],
	parameters: Record<string, unknown> = {},
	continueOnFail = false,
) {
	const all = { ...baseParameters, ...parameters };
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
			name in all ? all[name as keyof typeof all] : fallback,
		getNode: () => ({ name: 'Route to Campaign', type: 'kajabiCampaignRouter', typeVersion: 1 }),
		continueOnFail: () => continueOnFail,
		logger: { debug() {}, info() {}, warn() {}, error() {} },
	} as unknown as IExecuteFunctions;
}

const item = (formId: string | null, event = 'form_submission'): INodeExecutionData => ({
	json: { event, form: formId === null ? null : { id: formId, title: `Form ${formId}` } },
});

describe('Kajabi Campaign Router node', () => {
	it('sends each lead to its campaign output, fallback last, keeping pairedItem', async () => {
		const outputs = await router.execute.call(
			executeContext([item('2002'), item('2001'), item('9'), item('2002')]),
		);

		expect(outputs).toHaveLength(3);
		expect(outputs[0].map((entry) => entry.pairedItem)).toEqual([{ item: 1 }]);
		expect(outputs[1].map((entry) => entry.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(outputs[2].map((entry) => entry.pairedItem)).toEqual([{ item: 2 }]);
		expect(outputs[1][0].json).toMatchObject({
			campaign: 'free-guide',
			routedBy: 'form id 2002 → free-guide',
			form: { id: '2002' },
		});
	});

	it('annotates without splitting in annotate mode', async () => {
		const outputs = await router.execute.call(
			executeContext([item('2001'), item('9')], {
				mode: 'annotate',
				defaultCampaign: 'newsletter',
			}),
		);

		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((entry) => entry.json.campaign)).toEqual(['webinar', 'newsletter']);
	});

	it('stops with a clear error for an item without a form', async () => {
		const run = router.execute.call(executeContext([item('2001'), item(null, 'purchase')]));

		await expect(run).rejects.toThrow(NodeOperationError);
		await expect(run).rejects.toThrow('The item has no form to route by (event purchase).');
	});

	it('with continue-on-fail, passes the failing item to fallback with its error', async () => {
		const outputs = await router.execute.call(
			executeContext([item(null, 'purchase'), item('2001')], {}, true),
		);

		expect(outputs[0]).toHaveLength(1);
		expect(outputs[2]).toEqual([
			{
				json: {
					event: 'purchase',
					form: null,
					error: 'The item has no form to route by (event purchase).',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends items without a form to the default campaign when asked', async () => {
		const outputs = await router.execute.call(
			executeContext([item(null, 'purchase')], {
				defaultCampaign: 'newsletter',
				options: { itemsWithoutForm: 'defaultCampaign' },
			}),
		);

		expect(outputs[2][0].json).toMatchObject({ campaign: 'newsletter' });
	});

	it('names its outputs after the campaigns, computed from the parameters', () => {
		const expression = router.description.outputs as string;
		const source = expression.slice(3, -2);
		const outputsOf = new Function('$parameter', `return ${source}`) as (p: unknown) => unknown;

		expect(outputsOf(baseParameters)).toEqual([
			{ type: 'main', displayName: 'webinar' },
			{ type: 'main', displayName: 'free-guide' },
			{ type: 'main', displayName: 'Fallback' },
		]);
		expect(outputsOf({ mode: 'annotate' })).toEqual([{ type: 'main', displayName: 'Leads' }]);
		expect(
			outputsOf({
				...baseParameters,
				conditions: {
					condition: [{ kind: 'customerStatus', campaign: 'upsell' }, { campaign: '' }],
				},
			}),
		).toEqual([
			{ type: 'main', displayName: 'upsell' },
			{ type: 'main', displayName: 'webinar' },
			{ type: 'main', displayName: 'free-guide' },
			{ type: 'main', displayName: 'Fallback' },
		]);
		expect(outputsOf({ mode: 'outputPerCampaign' })).toEqual([
			{ type: 'main', displayName: 'Fallback' },
		]);
	});
});

describe('Kajabi Campaign Router conditions', () => {
	it("routes enriched customers to the condition's output and writes the priority", async () => {
		const customer: INodeExecutionData = {
			json: {
				event: 'form_submission',
				form: { id: '2001' },
				enrichment: {
					status: 'enriched',
					customerStatus: 'customer',
					engagementScore: 5,
					tags: [],
				},
			},
		};
		const lead: INodeExecutionData = {
			json: {
				event: 'form_submission',
				form: { id: '2001' },
				enrichment: { status: 'enriched', customerStatus: 'lead', engagementScore: 5, tags: [] },
			},
		};

		const outputs = await router.execute.call(
			executeContext([customer, lead], {
				conditions: {
					condition: [
						{ kind: 'engagementAtLeast', threshold: 3, priority: 'high', campaign: '' },
						{ kind: 'customerStatus', customerStatus: 'customer', campaign: 'upsell' },
					],
				},
			}),
		);

		expect(outputs.map((output) => output.length)).toEqual([1, 1, 0, 0]);
		expect(outputs[0][0].json).toMatchObject({ campaign: 'upsell', priority: 'high' });
		expect(outputs[1][0].json).toMatchObject({
			campaign: 'webinar',
			priority: 'high',
			routedBy: 'form id 2001 → webinar; priority high (rule 1: engagement score ≥ 3)',
		});
	});
});
