import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include, sparseFields } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a transaction',
	description: 'Retrieve a payment transaction',
	method: 'get',
	path: '/v1/transactions/{id}',
	pathParameters: {
		id: pathId(idField('transactionId', 'Transaction ID', 'The ID of the transaction')),
	},
	query: [
		include([
			{ name: 'Customer', value: 'customer' },
			{ name: 'Purchases', value: 'purchases' },
		]),
		sparseFields('transactions', 'amount_in_cents,sales_tax_in_cents'),
	],
	output: 'resource',
});
