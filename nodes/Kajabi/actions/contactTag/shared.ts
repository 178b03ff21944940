import type { IExecuteFunctions } from 'n8n-workflow';

import type { ResourceIdentifier } from '../../../shared/kajabiApi/types';
import { pathId } from '../../helpers/defineOperation';
import { idField, idsField } from '../../helpers/parameters';
import { readIds } from '../../helpers/readParameters';

export const contactIdParameter = pathId(
	idField('contactId', 'Contact ID', 'The ID of the contact whose tags change'),
);

export function tagIdsField(description: string) {
	return idsField({
		name: 'tagIds',
		displayName: 'Tag Names or IDs',
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		loadOptionsMethod: 'getContactTags',
	});
}

/** Kajabi cannot create tags through the API: the tags must exist in the site already. */
export function readTagIdentifiers(
	this: IExecuteFunctions,
	itemIndex: number,
): { data: ResourceIdentifier[] } {
	const ids = readIds.call(this, 'tagIds', itemIndex, 'tags');
	return { data: ids.map((id) => ({ type: 'contact_tags', id })) };
}

export const tagsOutput = { ownerField: 'contactId', relationship: 'tags' };
