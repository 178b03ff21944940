'use strict';

/**
 * Holds a write lock on a real n8n's SQLite database from a process of its own. n8n still reads
 * (its database is in WAL mode), so a webhook finds its workflow and the Trigger runs, but n8n
 * cannot store the execution: after its busy timeout of about 2 s it answers 500. That is what
 * n8n does while its database is not ready, as when it starts up or shuts down.
 *
 * Runs on the Node that runs n8n, whose built-in node:sqlite needs no package.
 */

const { spawn } = require('node:child_process');
const path = require('node:path');

const HOLDER = `
const { DatabaseSync } = require('node:sqlite');
const database = new DatabaseSync(process.argv[1]);
database.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => {
	database.exec('ROLLBACK');
	database.close();
});
`;

/** Resolves once the lock is held, with `release()`, which resolves once it is let go. */
function lockDatabase(n8n) {
	const holder = spawn(
		path.join(n8n.install.nodeBinDir, 'node'),
		['--no-warnings', '-e', HOLDER, n8n.databaseFile],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const exited = new Promise((resolve) => holder.once('exit', resolve));
	return new Promise((resolve, reject) => {
		holder.once('error', reject);
		exited.then((code) => reject(new Error(`the database lock ended first (exit ${code})`)));
		holder.stdout.once('data', () =>
			resolve({
				async release() {
					holder.stdin.end();
					const code = await exited;
					if (code !== 0) throw new Error(`the database lock exited with ${code}`);
				},
			}),
		);
	});
}

module.exports = { lockDatabase };
