import type { KajabiResource } from '../../helpers/types';
import { revoke } from './revoke';

export const accessToken: KajabiResource = {
	option: {
		name: 'Access Token',
		value: 'accessToken',
		description: 'The API session n8n holds for the credential',
	},
	operations: [revoke],
	defaultOperation: 'revoke',
};
