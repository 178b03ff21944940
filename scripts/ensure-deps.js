// Installs the devDependencies on a fresh clone, so `npm test` and `npm run demo` are the only
// commands a new user needs. Does nothing when node_modules already holds every package that
// package-lock.json names, at the locked version (compared by content: a checkout changes file
// times, not what is installed).
const { existsSync, lstatSync, readFileSync } = require('fs');
const { join } = require('path');
const { execSync } = require('child_process');

const root = join(__dirname, '..');
const lockFile = join(root, 'package-lock.json');
const modules = join(root, 'node_modules');
const installedFile = join(modules, '.package-lock.json');

/** The locked packages node_modules lacks or holds at another version; optional ones may be absent. */
function missingPackages() {
	if (!existsSync(installedFile)) return ['(nothing installed)'];
	const locked = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
	const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
	return Object.entries(locked)
		.filter(([path, entry]) => path !== '' && !entry.optional && !entry.link)
		.filter(([path, entry]) => installed[path]?.version !== entry.version)
		.map(([path]) => path.replace(/^.*node_modules\//, ''));
}

const missing = missingPackages();
if (missing.length > 0) {
	if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
		// A shared node_modules belongs to another checkout: reinstalling would replace it under it.
		console.warn(
			`node_modules is a link to another checkout and lacks ${missing.length} locked package(s) ` +
				`(${missing.slice(0, 3).join(', ')}): run npm ci there.`,
		);
	} else {
		console.log('Installing the development dependencies (npm ci, a minute or two, once)...');
		execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
	}
}
