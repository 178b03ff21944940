import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { HookEvent } from '../../../shared/kajabiApi/types';
import { presentResources } from '../../helpers/jsonApi';
import { simplifyOption } from '../../helpers/parameters';
import type { KajabiOperation } from '../../helpers/types';
import { kajabiApiRequest } from '../../transport';
import { HOOK_EVENTS, SAMPLE_PATHS } from './events';

export const getSample: KajabiOperation = {
	option: {
		name: 'Get Sample',
		value: 'getSample',
		action: 'Get a sample hook payload',
		description: "Retrieve Kajabi's sample payload for an event: the resources a delivery carries",
	},
	properties: [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			options: HOOK_EVENTS,
			default: 'form_submission',
			description: 'The kind of event to get the sample of',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [simplifyOption],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const event = this.getNodeParameter('event', itemIndex) as HookEvent;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const payload = await kajabiApiRequest.call(this, {
			method: 'GET',
			path: SAMPLE_PATHS[event],
			itemIndex,
		});
		return presentResources(
			Array.isArray(payload) ? payload : [],
			undefined,
			options.simplify !== false,
		);
	},
};
