import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { siteFilter } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a payout',
	description: 'Retrieve a Kajabi Payments payout with its transactions',
	method: 'get',
	path: '/v1/kajabi_payments_payouts/{id}',
	pathParameters: {
		id: pathId(idField('payoutId', 'Payout ID', 'The ID of the payout, such as payout_abc123')),
	},
	query: [siteFilter(true, 'The site the payout belongs to (Kajabi checks access with it)')],
	output: 'resource',
});
