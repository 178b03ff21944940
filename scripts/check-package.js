'use strict';

/**
 * What `npm publish` would ship, checked before it ships: `npm pack` of the built package, then
 * the tarball's files (the build, the README, the licence and package.json, nothing else), its
 * package.json (no runtime dependencies, no install scripts, the community-package fields),
 * and last every node and credential of its `n8n` section loaded from the unpacked tarball by a
 * real n8n (the one scripts/install-n8n.sh caches; N8N_VERSION picks another): the node types
 * `n8n export:nodes` lists, and the node and credential types a started n8n serves its editor.
 *
 * Run after `npm run build`. Prints one line per check and exits non-zero when any fails. Uses
 * 127.0.0.1 ports 5721 (n8n) and 5722 (its task broker) only.
 */

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8nServer, REPO_ROOT, ensureN8nInstalled, n8nVersionOf } = require('./lib/n8n-server');

const PORT = 5721;
const BROKER_PORT = 5722;

// Shipped beside package.json; npm adds README and LICENSE whatever `files` says.
const TOP_LEVEL_FILES = new Set(['package.json', 'README.md', 'LICENSE']);
// The build: compiled code, the nodes' codex files, and icons. Source maps point at TypeScript
// the package does not ship, and declarations serve no n8n user, so neither belongs here.
const DIST_FILE = /^dist\/.+\.(js|json|svg|png)$/;
const NOT_FOR_USERS = /(^|\/)(test|tests|__tests__|fixtures|spec)(\/|$)|\.(map|ts|tsbuildinfo)$/;
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'];

const results = [];
const log = (message) => process.stderr.write(`[check-package] ${message}\n`);

function check(name, ok, detail = '') {
	results.push({ name, ok });
	process.stdout.write(`${ok ? 'ok    ' : 'FAIL  '} ${name}${detail ? `: ${detail}` : ''}\n`);
	return ok;
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n` +
				`${result.stderr ?? ''}`,
		);
	}
	return result.stdout;
}

/** `npm pack` into a fresh folder; returns the tarball's path and npm's list of its files. */
function pack(workDir) {
	const out = run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: REPO_ROOT });
	const [{ filename }] = JSON.parse(out);
	return path.join(workDir, path.basename(filename));
}

function checkFiles(files) {
	const unexpected = files.filter(
		(file) => !TOP_LEVEL_FILES.has(file) && (!DIST_FILE.test(file) || NOT_FOR_USERS.test(file)),
	);
	check(
		'the tarball holds only dist/ (code, codex, icons), README.md, LICENSE and package.json',
		unexpected.length === 0,
		unexpected.length === 0
			? `${files.length} files`
			: `${unexpected.length} others, such as ${unexpected.slice(0, 5).join(', ')}` +
					' (a stale dist/? run npm run clean && npm run build)',
	);
	const missing = [...TOP_LEVEL_FILES].filter((file) => !files.includes(file));
	check('README.md, LICENSE and package.json are in it', missing.length === 0, missing.join(', '));
}

function checkManifest(manifest) {
	const runtime = [
		'dependencies',
		'optionalDependencies',
		'bundleDependencies',
		'bundledDependencies',
	]
		.filter((field) => manifest[field] && Object.keys(manifest[field]).length > 0)
		.map((field) => `${field}: ${Object.keys(manifest[field]).join(', ')}`);
	check(
		'package.json has no runtime dependencies (n8n lends n8n-workflow and zod)',
		runtime.length === 0,
		runtime.join('; '),
	);
	check(
		'n8n-workflow is a peer dependency, never a second copy',
		typeof manifest.peerDependencies?.['n8n-workflow'] === 'string',
	);
	const scripts = INSTALL_SCRIPTS.filter((name) => manifest.scripts?.[name] !== undefined);
	check('no script runs when n8n installs the package', scripts.length === 0, scripts.join(', '));
	check(
		'the name is one n8n looks for (n8n-nodes-* or @scope/n8n-nodes-*)',
		/^(@[^/]+\/)?n8n-nodes-/.test(manifest.name ?? ''),
		manifest.name,
	);
	check(
		'the keywords hold n8n-community-node-package',
		Array.isArray(manifest.keywords) && manifest.keywords.includes('n8n-community-node-package'),
	);
	check('the licence is MIT', manifest.license === 'MIT', manifest.license);
	const n8n = manifest.n8n ?? {};
	check(
		'the n8n section names API version 1, strict mode, nodes and credentials',
		n8n.n8nNodesApiVersion === 1 &&
			n8n.strict === true &&
			Array.isArray(n8n.nodes) &&
			n8n.nodes.length > 0 &&
			Array.isArray(n8n.credentials),
	);
	return { nodes: n8n.nodes ?? [], credentials: n8n.credentials ?? [] };
}

/** Every file the n8n section names is packed, with its icons and (for nodes) its codex file. */
function checkReferencedFiles(packageDir, files, entries) {
	const missing = [];
	for (const entry of [...entries.nodes, ...entries.credentials]) {
		if (!files.includes(entry)) {
			missing.push(entry);
			continue;
		}
		const source = fs.readFileSync(path.join(packageDir, entry), 'utf8');
		for (const [, icon] of source.matchAll(/'file:([^']+)'/g)) {
			const iconPath = path.posix.normalize(path.posix.join(path.posix.dirname(entry), icon));
			if (!files.includes(iconPath)) missing.push(`${iconPath} (icon of ${entry})`);
		}
	}
	for (const entry of entries.nodes) {
		const codex = entry.replace(/\.js$/, '.json');
		if (!files.includes(codex)) missing.push(`${codex} (codex of ${entry})`);
	}
	check(
		'every node and credential file of the n8n section, its icons and codex are packed',
		missing.length === 0,
		missing.join(', '),
	);
}

/**
 * The type names n8n gives the section's entries (`<package>.<node name>` and the credential
 * names), read by loading each file from the unpacked tarball under the n8n install's Node and
 * its n8n-workflow, as n8n will.
 */
function declaredTypes(install, packageDir, entries) {
	const script = `
		const path = require('path');
		const [dir, nodes, credentials] = [process.argv[1], JSON.parse(process.argv[2]), JSON.parse(process.argv[3])];
		const instance = (file) => {
			const exported = require(path.join(dir, file));
			const className = path.basename(file).split('.')[0];
			if (typeof exported[className] !== 'function') throw new Error(file + ' exports no class ' + className);
			return new exported[className]();
		};
		const described = nodes.map((file) => {
			const node = instance(file);
			return node.description ?? node.nodeVersions?.[node.currentVersion]?.description ?? {};
		});
		console.log(JSON.stringify({
			nodes: described.map((description) => description.name),
			tools: described.filter((description) => description.usableAsTool).map((description) => description.name),
			credentials: credentials.map((file) => instance(file).name),
		}));`;
	const out = run(
		path.join(install.nodeBinDir, 'node'),
		['-e', script, packageDir, JSON.stringify(entries.nodes), JSON.stringify(entries.credentials)],
		{
			cwd: install.n8nDir,
			env: { ...process.env, NODE_PATH: path.join(install.n8nDir, 'node_modules') },
		},
	);
	return JSON.parse(out);
}

async function login(server, owner) {
	const browserId = crypto.randomUUID();
	const response = await fetch(`${server.baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		signal: AbortSignal.timeout(15_000),
	});
	if (!response.ok) throw new Error(`login answered ${response.status}: ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login set no n8n-auth cookie');
	return { cookie, 'browser-id': browserId };
}

/** The type file the editor loads (`/types/nodes.json`, `/types/credentials.json`). */
async function editorTypes(server, headers, name) {
	const response = await fetch(`${server.baseUrl}/types/${name}.json`, {
		headers,
		signal: AbortSignal.timeout(15_000),
	});
	if (!response.ok) throw new Error(`/types/${name}.json answered ${response.status}`);
	return (await response.json()).map((type) => type.name);
}

function missingFrom(list, wanted) {
	return wanted.filter((name) => !list.includes(name));
}

async function checkInN8n(tarball, manifest, entries) {
	const install = ensureN8nInstalled({ log });
	const [major, minor, patch] = n8nVersionOf(install.n8nDir);
	const version = `${major}.${minor}.${patch}`;
	const server = new N8nServer({ install, port: PORT, brokerPort: BROKER_PORT, log });
	await server.checkPorts();

	const packageDir = path.join(server.userFolder, '.n8n', 'nodes', 'node_modules', manifest.name);
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	let passed = false;
	try {
		const declared = declaredTypes(install, packageDir, entries);
		const nodeTypes = declared.nodes.map((name) => `${manifest.name}.${name}`);
		check(
			`every node and credential class loads with n8n ${version}'s n8n-workflow`,
			declared.nodes.every(Boolean) && declared.credentials.every(Boolean),
			[...nodeTypes, ...declared.credentials].join(', '),
		);

		// n8n adds an AI-agent tool variant, `<type>Tool`, of every node marked usableAsTool.
		const toolTypes = declared.tools.map((name) => `${manifest.name}.${name}Tool`);
		const exported = server.exportNodeTypes().map((type) => type.name);
		const ours = exported.filter((name) => name.startsWith(`${manifest.name}.`));
		const unknown = ours.filter((name) => ![...nodeTypes, ...toolTypes].includes(name));
		check(
			`n8n ${version} export:nodes lists every node of the package under its prefix`,
			missingFrom(exported, nodeTypes).length === 0,
			`missing: ${missingFrom(exported, nodeTypes).join(', ') || 'none'}`,
		);
		check(
			`n8n ${version} offers the AI tool variant of every node marked usableAsTool`,
			toolTypes.length > 0 && missingFrom(exported, toolTypes).length === 0,
			`${toolTypes.join(', ')}; missing: ${missingFrom(exported, toolTypes).join(', ') || 'none'}`,
		);
		check(
			`n8n ${version} lists no package type the n8n section does not name`,
			unknown.length === 0,
			unknown.join(', '),
		);

		await server.start();
		const owner = await server.setupOwner();
		const headers = await login(server, owner);
		const servedNodes = await editorTypes(server, headers, 'nodes');
		const servedCredentials = await editorTypes(server, headers, 'credentials');
		check(
			`a started n8n ${version} serves the editor every node of the package`,
			missingFrom(servedNodes, nodeTypes).length === 0,
			`missing: ${missingFrom(servedNodes, nodeTypes).join(', ') || 'none'}`,
		);
		check(
			`a started n8n ${version} serves the editor every credential of the package`,
			missingFrom(servedCredentials, declared.credentials).length === 0,
			`missing: ${missingFrom(servedCredentials, declared.credentials).join(', ') || 'none'}`,
		);
		const loadErrors = server
			.logText()
			.split('\n')
			.filter((line) => line.includes(manifest.name) && /error|fail/i.test(line));
		check(
			`n8n ${version} logged no error about the package`,
			loadErrors.length === 0,
			loadErrors.slice(0, 3).join(' | '),
		);
		passed = true;
	} finally {
		await server.stop();
		if (passed && results.every((result) => result.ok)) {
			fs.rmSync(server.userFolder, { recursive: true, force: true });
		} else {
			log(`n8n folder kept for a look (logs, database): ${server.userFolder}`);
		}
	}
}

async function main() {
	const started = Date.now();
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error('no dist/: run npm run build first');
	}

	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-package-check-'));
	try {
		const tarball = pack(workDir);
		const files = run('tar', ['-tzf', tarball])
			.split('\n')
			.filter((line) => line !== '' && !line.endsWith('/'))
			.map((line) => line.replace(/^package\//, ''));
		log(`${path.basename(tarball)}: ${files.length} files, ${fs.statSync(tarball).size} bytes`);

		const unpacked = path.join(workDir, 'unpacked');
		fs.mkdirSync(unpacked);
		run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
		const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));

		checkFiles(files);
		const entries = checkManifest(manifest);
		checkReferencedFiles(unpacked, files, entries);
		await checkInN8n(tarball, manifest, entries);
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}

	const failed = results.filter((result) => !result.ok).length;
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	process.stdout.write(
		failed === 0
			? `\npackage check passed: ${results.length} checks in ${seconds} s\n`
			: `\npackage check FAILED: ${failed} of ${results.length} checks in ${seconds} s\n`,
	);
	return failed === 0;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error) => {
		process.stdout.write(`\npackage check FAILED: ${error.message}\n`);
		process.exit(1);
	},
);
