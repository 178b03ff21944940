import { defineOperation } from '../../helpers/defineOperation';
import { filters } from '../../helpers/queryParts';
import { HOOK_EVENTS } from './events';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many hooks',
	description: 'List the hook subscriptions of the account',
	method: 'get',
	path: '/v1/hooks',
	query: [
		filters([
			{
				key: 'filter[event_eq]',
				displayName: 'Event',
				description: 'Only hooks for this kind of event',
				type: 'options',
				options: HOOK_EVENTS,
			},
		]),
	],
	paging: { pageSize: true },
	output: 'resources',
});
