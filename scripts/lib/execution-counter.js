'use strict';

/**
 * Counts a running n8n's executions straight from its SQLite file, for runs too large to page
 * through the public API (10,000 executions is 100 pages per look). n8n's sqlite3 is built for
 * the Node 24 that runs n8n, so one long-lived child of that Node answers the queries, one JSON
 * line per question. SQLite is in WAL mode: reading beside a running n8n is safe.
 */

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const CHILD_SCRIPT = `
	const sqlite3 = require('sqlite3');
	const readline = require('node:readline');
	const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
	db.configure('busyTimeout', 5000);
	const sql =
		"select case when deletedAt is null then status else 'deleted' end as state, count(*) as count " +
		"from execution_entity where workflowId = ? group by state";
	readline.createInterface({ input: process.stdin }).on('line', (line) => {
		const { id, workflowId } = JSON.parse(line);
		db.all(sql, [workflowId], (error, rows) => {
			const answer = error
				? { id, error: error.message }
				: { id, counts: Object.fromEntries(rows.map((row) => [row.state, row.count])) };
			process.stdout.write(JSON.stringify(answer) + '\\n');
		});
	});
	process.stdin.on('end', () => db.close());
`;

const UNFINISHED = new Set(['new', 'running', 'waiting']);

class ExecutionCounter {
	/** @param {{ install: { n8nDir: string, nodeBinDir: string }, databaseFile: string }} server */
	constructor(server) {
		this.child = spawn(
			path.join(server.install.nodeBinDir, 'node'),
			['-e', CHILD_SCRIPT, server.databaseFile],
			{ cwd: server.install.n8nDir, stdio: ['pipe', 'pipe', 'inherit'] },
		);
		this.pending = new Map();
		this.nextId = 1;
		readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
			const answer = JSON.parse(line);
			const waiting = this.pending.get(answer.id);
			this.pending.delete(answer.id);
			if (answer.error) waiting?.reject(new Error(`execution count: ${answer.error}`));
			else waiting?.resolve(answer.counts);
		});
		this.child.once('exit', (code) => {
			for (const { reject } of this.pending.values()) {
				reject(new Error(`execution counter exited (${code})`));
			}
			this.pending.clear();
		});
	}

	/**
	 * `{ success: 9990, running: 10 }`: the workflow's executions by status. With
	 * EXECUTIONS_DATA_SAVE_ON_SUCCESS=none, n8n still inserts each execution when it starts and,
	 * when it ends, marks it deleted without updating its status: those count as `deleted`.
	 */
	counts(workflowId) {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.pending.delete(id);
				reject(new Error('execution count: no answer within 15 s'));
			}, 15_000);
			this.pending.set(id, {
				resolve: (value) => (clearTimeout(timer), resolve(value)),
				reject: (error) => (clearTimeout(timer), reject(error)),
			});
			this.child.stdin.write(JSON.stringify({ id, workflowId }) + '\n');
		});
	}

	/** Executions that have ended: success, error, crashed, canceled, or deleted unsaved. */
	async finished(workflowId) {
		const counts = await this.counts(workflowId);
		let finished = 0;
		let unfinished = 0;
		for (const [status, count] of Object.entries(counts)) {
			if (UNFINISHED.has(status)) unfinished += count;
			else finished += count;
		}
		return { finished, unfinished, counts };
	}

	/**
	 * Polls until `count` executions of the workflow have ended and none is still running.
	 * Resolves with the seconds that took; rejects after `timeoutMs`.
	 */
	async waitForFinished(workflowId, count, { timeoutMs = 600_000, pollMs = 250 } = {}) {
		const started = Date.now();
		for (;;) {
			const { finished, unfinished } = await this.finished(workflowId);
			if (finished >= count && unfinished === 0) return (Date.now() - started) / 1000;
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`workflow ${workflowId}: ${finished} of ${count} executions ended after ` +
						`${timeoutMs / 1000} s (${unfinished} unfinished)`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	}

	close() {
		this.child.stdin.end();
	}
}

module.exports = { ExecutionCounter };
