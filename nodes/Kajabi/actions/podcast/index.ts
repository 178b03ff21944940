import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const podcast: KajabiResource = {
	option: { name: 'Podcast', value: 'podcast', description: 'A podcast of a site' },
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
