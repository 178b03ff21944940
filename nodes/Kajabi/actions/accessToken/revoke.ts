import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { KajabiOperation } from '../../helpers/types';
import { KAJABI_CREDENTIAL_TYPE, kajabiApiRequest } from '../../transport';

interface StoredToken {
	oauthTokenData?: { access_token?: unknown };
}

export const revoke: KajabiOperation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		action: 'Revoke the access token',
		description:
			'End the API session n8n holds for this credential. n8n fetches a new token on the next request.',
	},
	properties: [
		{
			displayName:
				'Kajabi invalidates the access token and its refresh token. The client ID and secret stay valid.',
			name: 'revokeNotice',
			type: 'notice',
			default: '',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const credentials = await this.getCredentials<StoredToken>(KAJABI_CREDENTIAL_TYPE, itemIndex);
		const token = credentials.oauthTokenData?.access_token;
		if (typeof token !== 'string' || token === '') return [{ revoked: false, reason: 'no_token' }];

		await kajabiApiRequest.call(this, {
			method: 'POST',
			path: '/v1/oauth/revoke',
			form: { token },
			itemIndex,
		});
		return [{ revoked: true }];
	},
};
