import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const blogPost: KajabiResource = {
	option: { name: 'Blog Post', value: 'blogPost', description: 'A post of a site blog' },
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
