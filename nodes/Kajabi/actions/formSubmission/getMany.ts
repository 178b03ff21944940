import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many form submissions',
	description: 'List form submissions, filtered and sorted',
	method: 'get',
	path: '/v1/form_submissions',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[form_id]',
				displayName: 'Form ID',
				description: 'Only submissions of this form',
			},
		]),
		sort(['created_at', 'name', 'email']),
	],
	paging: { pageSize: true },
	output: 'resources',
});
