import type { KajabiResource } from '../../helpers/types';
import { cancelSubscription } from './cancelSubscription';
import { deactivate } from './deactivate';
import { get } from './get';
import { getMany } from './getMany';
import { reactivate } from './reactivate';

export const purchase: KajabiResource = {
	option: {
		name: 'Purchase',
		value: 'purchase',
		description: "A customer's purchase of an offer",
	},
	operations: [cancelSubscription, deactivate, get, getMany, reactivate],
	defaultOperation: 'get',
};
