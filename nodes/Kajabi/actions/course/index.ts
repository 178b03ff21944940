import type { KajabiResource } from '../../helpers/types';
import { get } from './get';
import { getMany } from './getMany';

export const course: KajabiResource = {
	option: { name: 'Course', value: 'course', description: 'A course product' },
	operations: [get, getMany],
	defaultOperation: 'get',
};
