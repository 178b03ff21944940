import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type INodeTypes,
} from 'n8n-workflow';
import { OAuth2Api } from 'n8n-nodes-base/dist/credentials/OAuth2Api.credentials';
import { NoOp } from 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node';

import { KajabiOAuth2Api } from '../../../../credentials/KajabiOAuth2Api.credentials';

/**
 * The credential store of an n8n server, in a few lines: it hands the Kajabi credential to the
 * node the way n8n's CredentialsHelper does (parent `oAuth2Api` fields merged in, defaults
 * applied, `={{$self[...]}}` expressions resolved) and keeps the OAuth2 token n8n-core writes
 * back, so a test can see how many tokens were fetched and which one is in use.
 */

export interface StoredKajabiCredential {
	clientId: string;
	clientSecret: string;
	baseUrl: string;
	oauthTokenData?: IDataObject;
}

const CREDENTIAL_TYPE = 'kajabiOAuth2Api';

/** The credential's fields as n8n merges them: the parent's inherited ones, then its own. */
export function kajabiCredentialProperties(): INodeProperties[] {
	const own = new KajabiOAuth2Api().properties;
	const ownNames = new Set(own.map((property) => property.name));
	const inherited = new OAuth2Api().properties.filter(
		(property) => !property.doNotInherit && !ownNames.has(property.name),
	);
	return [...inherited, ...own];
}

const resolverNode: INode = {
	id: 'credential-resolver',
	name: 'Credential Resolver',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const noOp = new NoOp();

const resolverNodeTypes: INodeTypes = {
	getByName: () => noOp,
	getByNameAndVersion: () => noOp,
	getKnownTypes: () => ({}),
};

/** The credential data a node receives: stored values, defaults, resolved expressions. */
export function resolveKajabiCredential(
	stored: StoredKajabiCredential,
): ICredentialDataDecryptedObject {
	const properties = kajabiCredentialProperties();
	const { oauthTokenData, ...fields } = stored;
	const withDefaults = NodeHelpers.getNodeParameters(
		properties,
		fields as unknown as IDataObject as never,
		true,
		false,
		null,
		null,
	) as IDataObject;

	const workflow = new Workflow({
		nodes: [resolverNode],
		connections: {},
		active: false,
		nodeTypes: resolverNodeTypes,
	});
	const resolved = workflow.expression.getComplexParameterValue(
		resolverNode,
		withDefaults as never,
		'internal',
		{},
		undefined,
		undefined,
		withDefaults,
	) as IDataObject;

	return {
		...resolved,
		...(oauthTokenData ? { oauthTokenData: structuredClone(oauthTokenData) } : {}),
	} as ICredentialDataDecryptedObject;
}

export class KajabiCredentialStore extends ICredentialsHelper {
	/** How many times n8n-core wrote a token back (one per token fetched). */
	tokenWrites = 0;

	constructor(public stored: StoredKajabiCredential) {
		super();
	}

	/** The access token the credential holds now. */
	get accessToken(): string | undefined {
		const token = this.stored.oauthTokenData?.access_token;
		return typeof token === 'string' ? token : undefined;
	}

	getParentTypes(name: string): string[] {
		return name === CREDENTIAL_TYPE ? ['oAuth2Api'] : [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The Kajabi tests hand out decrypted credentials only');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (type !== CREDENTIAL_TYPE) throw new Error(`No test credential of type "${type}"`);
		return resolveKajabiCredential(this.stored);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.tokenWrites += 1;
		this.stored.oauthTokenData = structuredClone(data.oauthTokenData as IDataObject);
	}

	getCredentialsProperties(): INodeProperties[] {
		return kajabiCredentialProperties();
	}
}
