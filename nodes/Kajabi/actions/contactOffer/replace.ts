import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from './shared';

export const replace = defineOperation({
	value: 'replace',
	name: 'Replace',
	action: 'Replace the offers of a contact',
	description: 'Give a contact exactly these offers, granting missing ones and revoking others',
	method: 'patch',
	path: '/v1/contacts/{contact_id}/relationships/offers',
	pathParameters: {
		contact_id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')),
	},
	properties: [offerIdsField('The offers the contact keeps. Every other offer is revoked.')],
	body: readOfferIdentifiers,
	output: { ownerField: 'contactId', relationship: 'offers' },
});
