import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const landingPage: KajabiResource = {
	option: { name: 'Landing Page', value: 'landingPage', description: 'A landing page of a site' },
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
