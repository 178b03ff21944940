import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Condition } from './rules/conditions';
import { routerProperties } from './RouterSettings';
import {
	campaignOutputs,
	MissingFormError,
	routeLead,
	type CampaignRule,
	type ItemsWithoutForm,
	type MatchFormBy,
	type RouterConfig,
} from './rules/routeLead';

/**
 * The outputs follow the mapping table: one per distinct campaign, then Fallback. n8n evaluates
 * this function's source as an expression, in the editor too, so it must stand alone (and stay
 * free of coverage counters).
 */
/* istanbul ignore next */
const configuredOutputs = (parameters: INodeParameters) => {
	if (parameters.mode === 'annotate') return [{ type: 'main', displayName: 'Leads' }];

	const conditions = parameters.conditions as { condition?: Array<{ campaign?: string }> };
	const table = parameters.rules as { rule?: Array<{ campaign?: string }> } | undefined;
	const names: string[] = [];
	for (const entry of [...(conditions?.condition ?? []), ...(table?.rule ?? [])]) {
		const name = String(entry.campaign ?? '').trim();
		if (name !== '' && !names.includes(name)) names.push(name);
	}
	return [...names, 'Fallback'].map((name) => ({ type: 'main', displayName: name }));
};

export class KajabiCampaignRouter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kajabi Campaign Router',
		name: 'kajabiCampaignRouter',
		icon: { light: 'file:../../icons/kajabi.svg', dark: 'file:../../icons/kajabi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["mode"] === "annotate" ? "Annotate only" : "One output per campaign"}}',
		description:
			'Maps each Kajabi lead to its marketing campaign by who the person is and the form they used, with one output per campaign',
		defaults: { name: 'Kajabi Campaign Router' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		usableAsTool: true,
		properties: routerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const config = readConfig(this);
		const annotateOnly = this.getNodeParameter('mode', 0) === 'annotate';
		const outputCount = annotateOnly ? 1 : campaignOutputs(config).length + 1;
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		const fallback = outputCount - 1;

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const item = items[itemIndex];
			try {
				const route = routeLead(item.json, config);
				outputs[annotateOnly ? 0 : route.output].push({
					json: {
						...item.json,
						campaign: route.campaign,
						priority: route.priority,
						routedBy: route.routedBy,
					},
					binary: item.binary,
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					outputs[fallback].push({
						json: { ...item.json, error: (error as Error).message },
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex,
					description:
						error instanceof MissingFormError
							? 'Items from a purchase, payment or tag event have no form. Set "Items Without a Form" to "Use Default Campaign" to route them, or filter them out before this node.'
							: undefined,
				});
			}
		}

		this.logger.debug('Kajabi leads routed', {
			items: items.length,
			perOutput: outputs.map((output) => output.length),
		});
		return outputs;
	}
}

function readConfig(context: IExecuteFunctions): RouterConfig {
	const conditions = context.getNodeParameter('conditions', 0, {}) as {
		condition?: Array<Partial<Condition>>;
	};
	const table = context.getNodeParameter('rules', 0, {}) as { rule?: CampaignRule[] };
	const options = context.getNodeParameter('options', 0, {}) as {
		itemsWithoutForm?: ItemsWithoutForm;
	};
	const defaultCampaign = String(context.getNodeParameter('defaultCampaign', 0, '') ?? '').trim();

	return {
		conditions: (conditions.condition ?? []).map((condition) => ({
			kind: condition.kind ?? 'customerStatus',
			customerStatus: condition.customerStatus ?? 'customer',
			tag: String(condition.tag ?? ''),
			threshold: Number(condition.threshold ?? 0),
			campaign: String(condition.campaign ?? ''),
			priority: String(condition.priority ?? ''),
		})),
		matchFormBy: context.getNodeParameter('matchFormBy', 0, 'id') as MatchFormBy,
		rules: (table.rule ?? []).map((rule) => ({
			form: String(rule.form ?? ''),
			campaign: String(rule.campaign ?? ''),
		})),
		defaultCampaign: defaultCampaign === '' ? null : defaultCampaign,
		itemsWithoutForm: options.itemsWithoutForm ?? 'error',
	};
}
