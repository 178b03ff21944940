import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const formSubmission: KajabiResource = {
	option: {
		name: 'Form Submission',
		value: 'formSubmission',
		description: 'What a person entered in a form',
	},
	operations: [get, getMany],
	defaultOperation: 'getMany',
};
