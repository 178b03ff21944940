import type { KajabiResource } from '../../helpers/types';
import { create } from './create';
import { deleteNote } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const contactNote: KajabiResource = {
	option: { name: 'Contact Note', value: 'contactNote', description: 'A note kept on a contact' },
	operations: [create, deleteNote, get, getMany, update],
	defaultOperation: 'create',
};
