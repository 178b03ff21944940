import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const orderItem: KajabiResource = {
	option: { name: 'Order Item', value: 'orderItem', description: 'One line of an order' },
	operations: [get, getMany],
	defaultOperation: 'get',
};
