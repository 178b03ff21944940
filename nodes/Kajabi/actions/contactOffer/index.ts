import type { KajabiResource } from '../../helpers/types';
import { getMany } from './getMany';
import { grant } from './grant';
import { replace } from './replace';
import { revoke } from './revoke';

export const contactOffer: KajabiResource = {
	option: {
		name: 'Contact Offer',
		value: 'contactOffer',
		description: 'The offers granted to a contact',
	},
	operations: [getMany, grant, replace, revoke],
	defaultOperation: 'grant',
};
