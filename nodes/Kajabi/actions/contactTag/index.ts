import type { KajabiResource } from '../../helpers/types';
import { addToContact } from './addToContact';
import { get } from './get';
import { getMany } from './getMany';
import { getManyForContact } from './getManyForContact';
import { removeFromContact } from './removeFromContact';
import { replaceOnContact } from './replaceOnContact';

export const contactTag: KajabiResource = {
	option: {
		name: 'Contact Tag',
		value: 'contactTag',
		description: 'A tag on contacts. Tags are made in Kajabi; the API adds and removes them.',
	},
	operations: [addToContact, get, getMany, getManyForContact, removeFromContact, replaceOnContact],
	defaultOperation: 'addToContact',
};
