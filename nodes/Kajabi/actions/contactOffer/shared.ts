import type { IExecuteFunctions } from 'n8n-workflow';

import type { ResourceIdentifier } from '../../../shared/kajabiApi/types';
import { idsField } from '../../helpers/parameters';
import { readIds } from '../../helpers/readParameters';

export function offerIdsField(description: string) {
	return idsField({
		name: 'offerIds',
		displayName: 'Offer Names or IDs',
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		loadOptionsMethod: 'getOffers',
	});
}

export function readOfferIdentifiers(
	this: IExecuteFunctions,
	itemIndex: number,
): { data: ResourceIdentifier[] } {
	const ids = readIds.call(this, 'offerIds', itemIndex, 'offers');
	return { data: ids.map((id) => ({ type: 'offers', id })) };
}
