import { NodeOperationError } from 'n8n-workflow';

import { defineOperation, pathId } from '../../helpers/defineOperation';
import { personFieldsCollection, readPersonFields } from '../../helpers/contactFields';
import { idField } from '../../helpers/parameters';
import { readId } from '../../helpers/readParameters';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: "Change a contact's attributes",
	method: 'patch',
	path: '/v1/contacts/{id}',
	pathParameters: { id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')) },
	properties: [personFieldsCollection('contactUpdate', 'updateFields')],
	body(itemIndex) {
		const id = readId.call(this, 'contactId', itemIndex, 'Contact ID');
		const attributes = readPersonFields.call(this, 'contactUpdate', 'updateFields', itemIndex);
		if (Object.keys(attributes).length === 0) {
			throw new NodeOperationError(this.getNode(), 'No field to update', {
				itemIndex,
				description: 'Add at least one field under Update Fields.',
			});
		}
		return { data: { id, type: 'contacts', attributes } };
	},
	output: 'resource',
});
