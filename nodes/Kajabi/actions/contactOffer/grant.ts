import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { offerIdsField, readOfferIdentifiers } from './shared';

export const grant = defineOperation({
	value: 'grant',
	name: 'Grant',
	action: 'Grant offers to a contact',
	description:
		'Give a contact access to offers. Kajabi creates the customer record and may run automations.',
	method: 'post',
	path: '/v1/contacts/{contact_id}/relationships/offers',
	pathParameters: {
		contact_id: pathId(idField('contactId', 'Contact ID', 'The ID of the contact')),
	},
	properties: [
		offerIdsField('The offers to grant.'),
		{
			displayName: 'Send Welcome Email',
			name: 'sendWelcomeEmail',
			type: 'boolean',
			default: true,
			description: 'Whether Kajabi sends the customer its welcome email for the offer',
		},
	],
	body(itemIndex) {
		const sendWelcomeEmail = this.getNodeParameter('sendWelcomeEmail', itemIndex, true) as boolean;
		return {
			...readOfferIdentifiers.call(this, itemIndex),
			meta: { send_customer_welcome_email: sendWelcomeEmail },
		};
	},
	output: { ownerField: 'contactId', relationship: 'offers' },
});
