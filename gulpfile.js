const path = require('path');
const { src, dest, task } = require('gulp');

// tsc compiles the TypeScript; the icons beside the nodes and credentials are copied as they are.
function copyIcons() {
	const sources = ['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'];
	return src(sources, { base: '.', encoding: false }).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyIcons);
