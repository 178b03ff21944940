import { defineOperation, pathId } from '../../helpers/defineOperation';
import { personFieldsCollection, readPersonFields } from '../../helpers/contactFields';
import { formLocator } from '../../helpers/parameters';
import { readText } from '../../helpers/readParameters';

export const submit = defineOperation({
	value: 'submit',
	name: 'Submit',
	action: 'Submit a form',
	description:
		'Submit a form as a person would: Kajabi checks the email, adds tags, grants offers and runs automations',
	method: 'post',
	path: '/v1/forms/{id}/submit',
	pathParameters: { id: pathId(formLocator('The form to submit')) },
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'The full name of the person',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description:
				'The email address of the person. Kajabi refuses disposable or undeliverable addresses.',
		},
		personFieldsCollection('formSubmission', 'additionalFields'),
	],
	body(itemIndex) {
		const attributes = readPersonFields.call(this, 'formSubmission', 'additionalFields', itemIndex);
		return {
			data: {
				type: 'form_submissions',
				attributes: {
					...attributes,
					name: readText.call(this, 'name', itemIndex),
					email: readText.call(this, 'email', itemIndex),
				},
			},
		};
	},
	output: 'resource',
});
