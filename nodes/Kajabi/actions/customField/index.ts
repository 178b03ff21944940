import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const customField: KajabiResource = {
	option: {
		name: 'Custom Field',
		value: 'customField',
		description: 'A custom contact field of a site, such as custom_1',
	},
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
