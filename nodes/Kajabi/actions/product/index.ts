import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const product: KajabiResource = {
	option: {
		name: 'Product',
		value: 'product',
		description: 'A course, coaching program, community or other product',
	},
	operations: [get, getMany],
	defaultOperation: 'get',
};
