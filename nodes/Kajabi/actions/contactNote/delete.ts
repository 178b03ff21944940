import { defineOperation } from '../../helpers/defineOperation';
import { noteIdParameter } from './shared';

export const deleteNote = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact note',
	description: 'Delete a contact note',
	method: 'delete',
	path: '/v1/contact_notes/{id}',
	pathParameters: { id: noteIdParameter },
	output: 'deleted',
});
