import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';
import { splitIds } from '../../helpers/readParameters';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many products',
	description: 'List products (courses, coaching, communities and more), filtered and sorted',
	method: 'get',
	path: '/v1/products',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only products whose title contains this text',
			},
			{
				key: 'filter[description_cont]',
				displayName: 'Description Contains',
				description: 'Only products whose description contains this text',
			},
			{
				key: 'filter[status_eq]',
				displayName: 'Status',
				description: 'Only products with this status, such as ready',
			},
		]),
		sort(['title', 'description', 'status']),
		sparseFields('products', 'title,publish_status'),
	],
	properties: [
		{
			displayName: 'Exclude Product Types',
			name: 'excludeProductTypes',
			type: 'string',
			default: '',
			placeholder: 'Courses::CohortCourse',
			description:
				'Product types to leave out, by their full Kajabi type name, separated by commas',
		},
	],
	// Kajabi takes this filter once per type, as `filter[exclude_product_types][]`.
	extraQuery(itemIndex): IDataObject {
		const types = splitIds(this.getNodeParameter('excludeProductTypes', itemIndex, ''));
		return types.length > 0 ? { 'filter[exclude_product_types][]': types } : {};
	},
	paging: { pageSize: true },
	output: 'resources',
});
