import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contact notes',
	description: 'List contact notes, of one contact or of a site',
	method: 'get',
	path: '/v1/contact_notes',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[contact_id]',
				displayName: 'Contact ID',
				description: 'Only the notes about this contact',
			},
		]),
		sort(['created_at', 'updated_at']),
	],
	paging: { pageSize: true },
	output: 'resources',
});
