'use strict';

/**
 * Resident memory of a process and of its children, read from /proc (Linux only). n8n runs its
 * JavaScript task runner (the Code node's sandbox) as a child, so both are reported.
 */

const fs = require('node:fs');

/** VmRSS of one process in MiB, or null when the process is gone or /proc is absent. */
function rssMiB(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kib = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]);
		return Number.isFinite(kib) ? kib / 1024 : null;
	} catch {
		return null;
	}
}

/** The ids of a process's direct children. */
function childPids(pid) {
	const children = [];
	let tasks = [];
	try {
		tasks = fs.readdirSync(`/proc/${pid}/task`);
	} catch {
		return children;
	}
	for (const task of tasks) {
		try {
			const listed = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (listed) children.push(...listed.split(/\s+/).map(Number));
		} catch {
			// the thread ended between the two reads
		}
	}
	return children;
}

/** `{ main, children, total }` in MiB for a process and every process below it. */
function processTreeRss(pid) {
	const main = rssMiB(pid);
	let children = 0;
	const queue = childPids(pid);
	while (queue.length > 0) {
		const child = queue.shift();
		children += rssMiB(child) ?? 0;
		queue.push(...childPids(child));
	}
	return { main, children, total: main === null ? null : main + children };
}

module.exports = { childPids, processTreeRss, rssMiB };
