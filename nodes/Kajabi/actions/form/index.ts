import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';
import { submit } from './submit';

export const form: KajabiResource = {
	option: { name: 'Form', value: 'form', description: 'An opt-in or contact form' },
	operations: [get, getMany, submit],
	defaultOperation: 'submit',
};
