import { defineOperation } from '../../helpers/defineOperation';
import { contactIdParameter, readTagIdentifiers, tagIdsField, tagsOutput } from './shared';

export const replaceOnContact = defineOperation({
	value: 'replaceOnContact',
	name: 'Replace on Contact',
	action: 'Replace the tags of a contact',
	description: 'Give a contact exactly these tags, removing any other',
	method: 'patch',
	path: '/v1/contacts/{contact_id}/relationships/tags',
	pathParameters: { contact_id: contactIdParameter },
	properties: [tagIdsField('The tags the contact keeps. Every other tag is removed.')],
	body: readTagIdentifiers,
	output: tagsOutput,
});
