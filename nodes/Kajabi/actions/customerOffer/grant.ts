import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from '../contactOffer/shared';

export const grant = defineOperation({
	value: 'grant',
	name: 'Grant',
	action: 'Grant offers to a customer',
	description: 'Give a customer access to offers. Kajabi may run automations.',
	method: 'post',
	path: '/v1/customers/{customer_id}/relationships/offers',
	pathParameters: {
		customer_id: pathId(idField('customerId', 'Customer ID', 'The ID of the customer')),
	},
	properties: [offerIdsField('The offers to grant.')],
	body: readOfferIdentifiers,
	output: { ownerField: 'customerId', relationship: 'offers' },
});
