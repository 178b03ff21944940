import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { QueryOf } from '../../../shared/kajabiApi/types';
import { hasEmail, looksLikeEmail, maskEmail, normalizeEmail } from '../../helpers/email';
import type { JsonApiResource } from '../../helpers/jsonApi';
import { presentResources } from '../../helpers/jsonApi';
import { siteLocator, simplifyOption } from '../../helpers/parameters';
import { readId, readText } from '../../helpers/readParameters';
import type { KajabiOperation } from '../../helpers/types';
import { kajabiApiRequest, kajabiApiRequestAllItems } from '../../transport';

export const findByEmail: KajabiOperation = {
	option: {
		name: 'Find by Email',
		value: 'findByEmail',
		action: 'Find a contact by email',
		description: 'Find the contact with exactly this email in a site, whatever its case',
	},
	properties: [
		siteLocator(true, 'The site to look in'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address to look for. Case and surrounding spaces are ignored.',
		},
		{
			displayName: 'If No Contact Matches',
			name: 'ifNotFound',
			type: 'options',
			default: 'returnNothing',
			options: [
				{
					name: 'Return Nothing',
					value: 'returnNothing',
					description: 'The item produces no output',
				},
				{
					name: 'Stop With an Error',
					value: 'error',
					description: 'The item fails, so Continue On Fail or an error workflow can handle it',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Include Related',
					name: 'include',
					type: 'multiOptions',
					options: [
						{ name: 'Customer', value: 'customer' },
						{ name: 'Offers', value: 'offers' },
						{ name: 'Tags', value: 'tags' },
					],
					default: [],
					description: 'Related resources to return with the contact (one more request)',
				},
				simplifyOption,
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const site = readId.call(this, 'siteId', itemIndex, 'Site');
		const email = readText.call(this, 'email', itemIndex);
		if (!looksLikeEmail(email)) {
			throw new NodeOperationError(this.getNode(), 'The email to find is not an email address', {
				itemIndex,
				description: 'Give one address such as name@email.com.',
			});
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const target = normalizeEmail(email);

		// Kajabi has no exact email filter: search, then compare each result's email here.
		const qs: QueryOf<'/v1/contacts', 'get'> = {
			'filter[site_id]': site,
			'filter[search]': email.trim(),
			'page[size]': 100,
		};
		const search = await kajabiApiRequestAllItems.call(this, {
			path: '/v1/contacts',
			qs: qs as IDataObject,
			itemIndex,
			until: (contact) => hasEmail(contact as JsonApiResource, target),
		});
		const match =
			search.stoppedBy === 'found'
				? (search.items[search.items.length - 1] as JsonApiResource)
				: undefined;

		this.logger.debug('Kajabi contact looked up by email', {
			email: maskEmail(email),
			found: match !== undefined,
			candidates: search.items.length,
			pages: search.pages,
		});

		if (match === undefined) {
			if (this.getNodeParameter('ifNotFound', itemIndex, 'returnNothing') === 'error') {
				throw new NodeOperationError(this.getNode(), 'No contact has this email in the site', {
					itemIndex,
					description: `Kajabi found ${search.items.length} similar contacts, none with exactly this email.`,
				});
			}
			return [];
		}

		const include = Array.isArray(options.include) ? (options.include as string[]) : [];
		const simplify = options.simplify !== false;
		if (include.length === 0) return presentResources([match], search.included, simplify);

		const full = (await kajabiApiRequest.call(this, {
			method: 'GET',
			path: `/v1/contacts/${encodeURIComponent(match.id)}`,
			qs: { include: include.join(',') },
			itemIndex,
		})) as IDataObject | undefined;
		return presentResources(full?.data ? [full.data] : [match], full?.included, simplify);
	},
};
