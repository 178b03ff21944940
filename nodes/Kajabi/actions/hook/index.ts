import type { KajabiResource } from '../../helpers/types';
import { create } from './create';
import { deleteHook } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { getSample } from './getSample';

export const hook: KajabiResource = {
	option: {
		name: 'Hook',
		value: 'hook',
		description: 'A webhook subscription made through the API, with sample payloads',
	},
	operations: [create, deleteHook, get, getMany, getSample],
	defaultOperation: 'getMany',
};
