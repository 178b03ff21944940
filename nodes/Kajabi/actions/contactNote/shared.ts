import type { INodeProperties } from 'n8n-workflow';

import { pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';

export const noteIdParameter = pathId(idField('noteId', 'Note ID', 'The ID of the contact note'));

export const noteBodyField: INodeProperties = {
	displayName: 'Note',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	description: 'The text of the note',
};
