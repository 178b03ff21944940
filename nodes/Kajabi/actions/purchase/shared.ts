import { pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const purchaseIdParameter = pathId(
	idField('purchaseId', 'Purchase ID', 'The ID of the purchase'),
);
