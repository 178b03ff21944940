import { defineOperation } from '../../helpers/defineOperation';
import { contactIdParameter, readTagIdentifiers, tagIdsField, tagsOutput } from './shared';

export const addToContact = defineOperation({
	value: 'addToContact',
	name: 'Add to Contact',
	action: 'Add tags to a contact',
	description: 'Add existing tags to a contact, keeping the tags it has',
	method: 'post',
	path: '/v1/contacts/{contact_id}/relationships/tags',
	pathParameters: { contact_id: contactIdParameter },
	properties: [tagIdsField('The tags to add.')],
	body: readTagIdentifiers,
	output: tagsOutput,
});
