import { defineOperation } from '../../helpers/defineOperation';
import { include, sparseFields } from '../../helpers/queryParts';
import { noteIdParameter } from './shared';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact note',
	description: 'Retrieve a contact note, optionally with its contact',
	method: 'get',
	path: '/v1/contact_notes/{id}',
	pathParameters: { id: noteIdParameter },
	query: [include([{ name: 'Contact', value: 'contact' }]), sparseFields('contact_notes', 'body')],
	output: 'resource',
});
