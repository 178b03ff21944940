import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const payout: KajabiResource = {
	option: {
		name: 'Kajabi Payments Payout',
		value: 'payout',
		description: "A transfer of Kajabi Payments funds to the site owner's bank account",
	},
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
