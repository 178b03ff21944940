import type { KajabiResource } from '../../helpers/types';
import { get } from './get';

export const me: KajabiResource = {
	option: { name: 'Me', value: 'me', description: 'The Kajabi user the API key belongs to' },
	operations: [get],
	defaultOperation: 'get',
};
