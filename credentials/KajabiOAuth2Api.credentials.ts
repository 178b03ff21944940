import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Kajabi's Public API uses OAuth2 client credentials: the key's client ID and secret go in the
 * form body of `POST /v1/oauth/token`. n8n keeps the token in this credential, reuses it across
 * executions, and fetches a new one when Kajabi answers 401.
 */
export class KajabiOAuth2Api implements ICredentialType {
	name = 'kajabiOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Kajabi OAuth2 API';

	// The community rules want a full URL here; this base rule is meant for n8n's own docs slugs.
	// Our README says where in Kajabi the key is made and which permissions it needs.
	documentationUrl = 'https://github.com/kajabi-connect/n8n-nodes-kajabi-connect#credential';

	icon: Icon = { light: 'file:../icons/kajabi.svg', dark: 'file:../icons/kajabi.dark.svg' };

	properties: INodeProperties[] = [
		{
			// n8n lists the OAuth2 fields this credential extends before its own, so this notice
			// comes after Client ID and Client Secret in the form.
			displayName:
				'Create a key in Kajabi under Settings, Public API (account owners only), with the permissions your workflows need, and enter its client ID and client secret in the fields above.',
			name: 'keyNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.kajabi.com',
			required: true,
			description:
				'Where the Kajabi Public API answers. Change it only for a sandbox or a local stand-in.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].trim().replace(/\\/+$/, "")}}/v1/oauth/token',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/v1/me',
			method: 'GET',
		},
	};
}
