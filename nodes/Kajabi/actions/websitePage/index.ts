import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const websitePage: KajabiResource = {
	option: { name: 'Website Page', value: 'websitePage', description: 'A page of a site website' },
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
