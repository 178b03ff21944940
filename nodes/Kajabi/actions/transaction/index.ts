import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const transaction: KajabiResource = {
	option: {
		name: 'Transaction',
		value: 'transaction',
		description: 'A completed charge, refund or dispute',
	},
	operations: [get, getMany],
	defaultOperation: 'get',
};
