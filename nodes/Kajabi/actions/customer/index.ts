import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const customer: KajabiResource = {
	option: {
		name: 'Customer',
		value: 'customer',
		description: 'A contact who bought or was granted an offer',
	},
	operations: [get, getMany],
	defaultOperation: 'get',
};
