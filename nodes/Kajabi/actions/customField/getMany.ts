import { defineOperation } from '../../helpers/defineOperation';
import { filters, siteFilter, sort, sparseFields } from '../../helpers/queryParts';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many custom fields',
	description: "List a site's custom contact fields with their handles",
	method: 'get',
	path: '/v1/custom_fields',
	query: [
		siteFilter(),
		filters([
			{
				key: 'filter[title_cont]',
				displayName: 'Title Contains',
				description: 'Only fields whose title contains this text',
			},
			{
				key: 'filter[type_eq]',
				displayName: 'Type',
				description: 'Only fields of this type, such as TextField',
			},
			{
				key: 'filter[required_eq]',
				displayName: 'Required',
				description: 'Whether to return only required fields (off: only optional ones)',
				type: 'boolean',
			},
		]),
		sort(['title', 'handle', 'type', 'required']),
		sparseFields('custom_fields', 'handle,title,required'),
	],
	paging: { pageSize: true },
	output: 'resources',
});
