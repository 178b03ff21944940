'use strict';

/**
 * Where a V8 CPU profile (node --cpu-prof) spent its time: self time by package (this one, n8n's
 * packages, node itself) and the functions of this package that cost the most, with their
 * callers' time included. Usage: node scripts/bench/cpu-profile-summary.js <file.cpuprofile>
 * [--top 15] [--match /dist/nodes/]. `--match` says which frames are this package's; by default
 * those of the package installed in n8n. Reads the profile only; prints figures.
 */

const fs = require('node:fs');

const PACKAGE = 'n8n-nodes-kajabi-connect';
// As installed into n8n; the bare name also appears in the path of n8n's own cache folder.
const INSTALLED = `/node_modules/${PACKAGE}/`;

function packageOf(url) {
	if (!url) return '(native or idle)';
	if (url.startsWith('node:')) return 'node';
	const marker = '/node_modules/';
	const last = url.lastIndexOf(marker);
	if (last === -1) return url.replace(/^file:\/\//, '');
	const rest = url.slice(last + marker.length).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function summarize(profile, { top, match }) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes) {
		for (const child of node.children ?? []) parentOf.set(child, node.id);
	}

	// Sample intervals: timeDeltas[i] is the time before sample i.
	const selfMicros = new Map();
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
	});

	const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
	const byPackage = new Map();
	const ourFunctions = new Map();
	let busy = 0;
	let ours = 0;

	for (const [id, micros] of selfMicros) {
		const frame = byId.get(id).callFrame;
		const idle = ['(idle)', '(program)', '(garbage collector)'].includes(frame.functionName);
		const name = idle ? frame.functionName : packageOf(frame.url);
		byPackage.set(name, (byPackage.get(name) ?? 0) + micros);
		if (frame.functionName !== '(idle)') busy += micros;

		// Inclusive time of this package: any sample with one of its frames on the stack.
		let cursor = id;
		const seen = new Set();
		let counted = false;
		while (cursor !== undefined) {
			const callFrame = byId.get(cursor).callFrame;
			if (callFrame.url.includes(match)) {
				const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split(match)[1]}:${callFrame.lineNumber + 1}`;
				if (!seen.has(key)) {
					ourFunctions.set(key, (ourFunctions.get(key) ?? 0) + micros);
					seen.add(key);
				}
				if (!counted) {
					ours += micros;
					counted = true;
				}
			}
			cursor = parentOf.get(cursor);
		}
	}

	const ms = (micros) => (micros / 1000).toFixed(0).padStart(8);
	const share = (micros, of) => `${((micros / of) * 100).toFixed(1).padStart(5)} %`;
	console.log(
		`profile: ${ms(total)} ms sampled, ${ms(busy).trim()} ms busy (not idle); ` +
			`${PACKAGE} on the stack ${ms(ours).trim()} ms = ${share(ours, busy).trim()} of busy time`,
	);
	console.log('\nself time by package');
	for (const [name, micros] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`${ms(micros)} ms ${share(micros, busy)}  ${name}`);
	}
	console.log(`\n${PACKAGE}: functions by inclusive time`);
	for (const [name, micros] of [...ourFunctions].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`${ms(micros)} ms ${share(micros, busy)}  ${name}`);
	}
}

const args = process.argv.slice(2);
const file = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const option = (name, fallback) => {
	const index = args.indexOf(name);
	return index === -1 ? fallback : args[index + 1];
};
if (!file) {
	console.error(
		'usage: node scripts/bench/cpu-profile-summary.js <file.cpuprofile> [--top N] [--match PATH]',
	);
	process.exit(2);
}
summarize(JSON.parse(fs.readFileSync(file, 'utf8')), {
	top: Number(option('--top', 15)),
	match: option('--match', INSTALLED),
});
