import { defineOperation, pathId } from '../../helpers/defineOperation';
import { idField } from '../../helpers/parameters';
import { include } from '../../helpers/queryParts';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a course',
	description: 'Retrieve a course, optionally with its modules and lessons',
	method: 'get',
	path: '/v1/courses/{id}',
	pathParameters: { id: pathId(idField('courseId', 'Course ID', 'The ID of the course')) },
	query: [
		include([
			{ name: 'Lesson Media', value: 'lessons.media' },
			{ name: 'Lessons', value: 'lessons' },
			{ name: 'Modules', value: 'modules' },
		]),
	],
	output: 'resource',
});
