import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many podcasts',
	description: 'List podcasts, filtered and sorted',
	method: 'get',
	path: '/v1/podcasts',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_eq]',
				displayName: 'Title',
				description: 'Only the podcast with exactly this title',
			},
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only podcasts whose title contains this text',
			},
			{
				key: 'filter[status_eq]',
				displayName: 'Status',
				description: 'Only podcasts with this status, such as ready',
			},
			{
				key: 'filter[show_type_eq]',
				displayName: 'Show Type',
				description: 'Only podcasts of this show type',
				type: 'options',
				options: [
					{ name: 'Episodic', value: 'episodic' },
					{ name: 'Serial', value: 'serial' },
				],
			},
		]),
		sort(['title']),
		sparseFields('podcasts', 'title,description'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
