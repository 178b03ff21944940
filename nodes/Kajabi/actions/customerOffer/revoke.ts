import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from '../contactOffer/shared';

export const revoke = defineOperation({
	value: 'revoke',
	name: 'Revoke',
	action: 'Revoke offers from a customer',
	description: "Take away a customer's access to offers",
	method: 'delete',
	path: '/v1/customers/{customer_id}/relationships/offers',
	pathParameters: {
		customer_id: pathId(idField('customerId', 'Customer ID', 'The ID of the customer')),
	},
	properties: [offerIdsField('The offers to revoke.')],
	body: readOfferIdentifiers,
	output: { ownerField: 'customerId', relationship: 'offers' },
});
