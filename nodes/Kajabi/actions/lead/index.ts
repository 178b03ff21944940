import type { KajabiResource } from '../../helpers/types';
import { enrich } from './enrich';

export const lead: KajabiResource = {
	option: {
		name: 'Lead',
		value: 'lead',
		description:
			'A lead from the Kajabi Trigger, an email or a contact ID, enriched with what Kajabi knows',
	},
	operations: [enrich],
	defaultOperation: 'enrich',
};
