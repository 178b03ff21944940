import { defineOperation } from '../../helpers/defineOperation';
import { contactIdParameter } from './shared';

export const getManyForContact = defineOperation({
	value: 'getManyForContact',
	name: 'Get Many for Contact',
	action: 'List the tags of a contact',
	description:
		"List the IDs of a contact's tags. Contact > Get with Include Related: Tags gives their names.",
	method: 'get',
	path: '/v1/contacts/{contact_id}/relationships/tags',
	pathParameters: { contact_id: contactIdParameter },
	output: 'identifiers',
});
