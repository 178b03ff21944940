import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many offers',
	description: 'List offers, filtered and sorted',
	method: 'get',
	path: '/v1/offers',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only offers whose title contains this text',
			},
			{
				key: 'filter[description_cont]',
				displayName: 'Description Contains',
				description: 'Only offers whose description contains this text',
			},
		]),
		sort(['title', 'price_in_cents']),
		sparseFields('offers', 'title,price_in_cents'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
