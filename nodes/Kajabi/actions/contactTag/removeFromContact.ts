import { defineOperation } from '../../helpers/defineOperation';
import { contactIdParameter, readTagIdentifiers, tagIdsField, tagsOutput } from './shared';

export const removeFromContact = defineOperation({
	value: 'removeFromContact',
	name: 'Remove From Contact',
	action: 'Remove tags from a contact',
	description: 'Remove tags from a contact, keeping its other tags',
	method: 'delete',
	path: '/v1/contacts/{contact_id}/relationships/tags',
	pathParameters: { contact_id: contactIdParameter },
	properties: [tagIdsField('The tags to remove.')],
	body: readTagIdentifiers,
	output: tagsOutput,
});
