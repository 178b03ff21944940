const path = require('path');
const { src, dest, task } = require('gulp');

// tsc compiles the TypeScript; icons and the nodes' codex files (categories, aliases, docs links)
// are copied as they are.
function copyIcons() {
	const sources = [
		'nodes/**/*.{png,svg,json}',
		'credentials/**/*.{png,svg}',
		'icons/**/*.{png,svg}',
	];
	return src(sources, { base: '.', encoding: false }).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyIcons);
