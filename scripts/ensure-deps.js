// Installs the devDependencies on a fresh clone, so `npm test` and `npm run demo` are the only
// commands a new user needs. Does nothing when node_modules matches package-lock.json.
const { existsSync, statSync } = require('fs');
const { join } = require('path');
const { execSync } = require('child_process');

const root = join(__dirname, '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

const upToDate = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (!upToDate) {
	console.log('Installing the development dependencies (npm ci, about two minutes, once)...');
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
