import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from './shared';

export const revoke = defineOperation({
	value: 'revoke',
	name: 'Revoke',
	action: 'Revoke offers from a contact',
	description: "Take away a contact's access to offers",
	method: 'delete',
	path: '/v1/contacts/{contact_id}/relationships/offers',
	pathParameters: {
		contact_id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')),
	},
	properties: [offerIdsField('The offers to revoke.')],
	body: readOfferIdentifiers,
	output: { ownerField: 'contactId', relationship: 'offers' },
});
