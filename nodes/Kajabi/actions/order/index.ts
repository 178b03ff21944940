import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const order: KajabiResource = {
	option: { name: 'Order', value: 'order', description: 'A checkout order' },
	operations: [get, getMany],
	defaultOperation: 'get',
};
