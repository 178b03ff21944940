import { NodeOperationError } from 'n8n-workflow';

import type { HookEvent } from '../../../shared/kajabiApi/types';
import { defineOperation } from '../../helpers/defineOperation';
import { siteLocator } from '../../helpers/parameters';
import { readId, readText } from '../../helpers/readParameters';
import { HOOK_EVENTS } from './events';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a hook',
	description: 'Subscribe a URL to one kind of Kajabi event',
	method: 'post',
	path: '/v1/hooks',
	properties: [
		siteLocator(true, 'The site whose events are sent'),
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			options: HOOK_EVENTS,
			default: 'form_submission',
			description: 'The kind of event Kajabi sends to the URL',
		},
		{
			displayName: 'Target URL',
			name: 'targetUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/webhook/kajabi',
			description: 'Where Kajabi posts each event, such as the Production URL of a Kajabi Trigger',
		},
		{
			displayName: 'Resource ID',
			name: 'resourceId',
			type: 'string',
			default: '',
			description:
				'Only events about this resource, such as one contact tag, are sent. Leave empty for every event of this kind.',
		},
	],
	body(itemIndex) {
		const targetUrl = readText.call(this, 'targetUrl', itemIndex);
		if (!/^https?:\/\/\S+$/i.test(targetUrl)) {
			throw new NodeOperationError(this.getNode(), 'The target URL is not an http(s) URL', {
				itemIndex,
				description: 'Give the full address Kajabi should post to, starting with https://.',
			});
		}
		// The spec types resource_id as an integer, though its own example writes a string.
		const resourceId = readText.call(this, 'resourceId', itemIndex);
		if (resourceId !== '' && !/^\d+$/.test(resourceId)) {
			throw new NodeOperationError(this.getNode(), 'The resource ID must be a number', {
				itemIndex,
				description: 'Kajabi IDs are digits only, such as 2148000003.',
			});
		}
		return {
			data: {
				type: 'hooks' as const,
				attributes: {
					event: this.getNodeParameter('event', itemIndex) as HookEvent,
					target_url: targetUrl,
					...(resourceId !== '' ? { resource_id: Number(resourceId) } : {}),
				},
				relationships: {
					site: { data: { type: 'sites', id: readId.call(this, 'siteId', itemIndex, 'Site') } },
				},
			},
		};
	},
	output: 'resource',
});
