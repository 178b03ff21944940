import type { KajabiResource } from '../../helpers/types';
import { get } from './get';

export const version: KajabiResource = {
	option: {
		name: 'Version',
		value: 'version',
		description: 'The version of the Kajabi Public API',
	},
	operations: [get],
	defaultOperation: 'get',
};
