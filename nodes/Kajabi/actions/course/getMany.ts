import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many courses',
	description: 'List courses, filtered and sorted',
	method: 'get',
	path: '/v1/courses',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only courses whose title contains this text',
			},
			{
				key: 'filter[description_cont]',
				displayName: 'Description Contains',
				description: 'Only courses whose description contains this text',
			},
			{
				key: 'filter[publish_status_eq]',
				displayName: 'Publish Status',
				description: 'Only courses with this publish status, such as published',
			},
		]),
		sort(['title']),
		sparseFields('courses', 'title,thumbnail_url'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
