#!/usr/bin/env node
'use strict';

/**
 * Runs the Kajabi stand-in on its own:
 *
 *   node scripts/kajabi-stand-in/cli.js [--port 4010] [--host 127.0.0.1]
 *        [--token-lifetime 7200] [--json]
 *
 * Prints the URL and the seeded owner key (made-up credentials that only this stand-in
 * accepts); with --json, one JSON line instead, for scripts. Stops on SIGINT or SIGTERM.
 */

const { createKajabiStandIn, SEEDED_KEYS } = require('./index');

const USAGE = 'usage: cli.js [--port N] [--host 127.0.0.1] [--token-lifetime SECONDS] [--json]';

function parseArgs(argv) {
	const options = { port: 4010, host: '127.0.0.1', tokenLifetimeSeconds: 7200, json: false };
	for (let index = 0; index < argv.length; index += 1) {
		const arg = argv[index];
		const value = () => {
			index += 1;
			if (argv[index] === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
			return argv[index];
		};
		if (arg === '--port') options.port = Number(value());
		else if (arg === '--host') options.host = value();
		else if (arg === '--token-lifetime') options.tokenLifetimeSeconds = Number(value());
		else if (arg === '--json') options.json = true;
		else throw new Error(`unknown argument ${arg}\n${USAGE}`);
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
		throw new Error(`--port must be 0 to 65535\n${USAGE}`);
	}
	if (!Number.isInteger(options.tokenLifetimeSeconds) || options.tokenLifetimeSeconds < 1) {
		throw new Error(`--token-lifetime must be a whole number of seconds\n${USAGE}`);
	}
	return options;
}

function log(level, message, meta) {
	process.stderr.write(`${JSON.stringify({ level, message, ...meta })}\n`);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const standIn = await createKajabiStandIn({ ...options, log });
	const { clientId, clientSecret } = SEEDED_KEYS.owner;

	if (options.json) {
		process.stdout.write(`${JSON.stringify({ url: standIn.url, clientId, clientSecret })}\n`);
	} else {
		process.stdout.write(
			[
				`Kajabi stand-in listening on ${standIn.url}`,
				`  API:           ${standIn.url}/v1`,
				`  control:       ${standIn.url}/__control/state`,
				`  client_id:     ${clientId}`,
				`  client_secret: ${clientSecret}`,
				'',
			].join('\n'),
		);
	}

	const stop = () => {
		standIn.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
