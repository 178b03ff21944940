import type { KajabiResource } from '../../helpers/types';
import { create } from './create';
import { deleteContact } from './delete';
import { findByEmail } from './findByEmail';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const contact: KajabiResource = {
	option: {
		name: 'Contact',
		value: 'contact',
		description: 'A person in a Kajabi site: a lead, subscriber or customer',
	},
	operations: [create, deleteContact, findByEmail, get, getMany, update],
	defaultOperation: 'get',
};
