import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';
import { getProducts } from './getProducts';

export const offer: KajabiResource = {
	option: {
		name: 'Offer',
		value: 'offer',
		description: 'What a customer buys or is granted: access to one or more products',
	},
	operations: [get, getMany, getProducts],
	defaultOperation: 'get',
};
