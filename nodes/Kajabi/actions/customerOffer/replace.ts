import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from '../contactOffer/shared';

export const replace = defineOperation({
	value: 'replace',
	name: 'Replace',
	action: 'Replace the offers of a customer',
	description: 'Give a customer exactly these offers, granting missing ones and revoking others',
	method: 'patch',
	path: '/v1/customers/{customer_id}/relationships/offers',
	pathParameters: {
		customer_id: pathId(idField('customerId', 'Customer ID', 'The ID of the customer')),
	},
	properties: [offerIdsField('The offers the customer keeps. Every other offer is revoked.')],
	body: readOfferIdentifiers,
	output: { ownerField: 'customerId', relationship: 'offers' },
});
