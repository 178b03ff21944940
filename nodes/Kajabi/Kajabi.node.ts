import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, OPERATION_SUBTITLE } from './actions/description';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Kajabi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kajabi',
		name: 'kajabi',
		icon: { light: 'file:../../icons/kajabi.svg', dark: 'file:../../icons/kajabi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: OPERATION_SUBTITLE,
		description:
			'Read and change contacts, tags, offers, purchases, forms, hooks and more through the Kajabi Public API',
		defaults: { name: 'Kajabi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kajabiOAuth2Api', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
