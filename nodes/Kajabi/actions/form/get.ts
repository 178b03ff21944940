import { defineOperation, pathId } from '../../helpers/defineOperation';
import { formLocator } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a form',
	description: 'Retrieve a form, optionally with its fields, offer and tags',
	method: 'get',
	path: '/v1/forms/{id}',
	pathParameters: { id: pathId(formLocator('The form to retrieve')) },
	query: [
		include([
			{ name: 'Contact Tags', value: 'contact_tags' },
			{ name: 'Fields', value: 'fields' },
			{ name: 'Offer', value: 'offer' },
			{ name: 'Site', value: 'site' },
		]),
		sparseFields('forms', 'title,webhook_url'),
	],
	output: 'resource',
});
