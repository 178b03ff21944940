import type { KajabiResource } from '../../helpers/types';
import { getMany } from './getMany';
import { grant } from './grant';
import { replace } from './replace';
import { revoke } from './revoke';

export const customerOffer: KajabiResource = {
	option: {
		name: 'Customer Offer',
		value: 'customerOffer',
		description: 'The offers a customer has',
	},
	operations: [getMany, grant, replace, revoke],
	defaultOperation: 'grant',
};
