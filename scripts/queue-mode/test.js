'use strict';

/**
 * Builds the package and runs the queue-mode suite (`test/queue/`) under node's own test runner
 * against n8n 2.41.1 in queue mode on loopback (PostgreSQL, Redis, main, two webhook processes,
 * two workers; see docs/queue-mode.md). KAJABI_QUEUE_TAP names a TAP report to write too.
 */

const { spawnSync } = require('node:child_process');

const { ROOT, runNodeTestSuite } = require('../lib/node-test-suite');

const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

runNodeTestSuite({ suite: 'queue', tapVariable: 'KAJABI_QUEUE_TAP' });
