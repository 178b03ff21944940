import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const site: KajabiResource = {
	option: {
		name: 'Site',
		value: 'site',
		description: 'A Kajabi site (one account can have several)',
	},
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
