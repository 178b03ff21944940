import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a form submission',
	description: 'Retrieve a form submission, optionally with its form and site',
	method: 'get',
	path: '/v1/form_submissions/{id}',
	pathParameters: {
		id: pathId(idField('formSubmissionId', 'Form Submission ID', 'The ID of the form submission')),
	},
	query: [
		include([
			{ name: 'Form', value: 'form' },
			{ name: 'Site', value: 'site' },
		]),
	],
	output: 'resource',
});
