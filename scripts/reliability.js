'use strict';

/**
 * Runs the reliability suite (test/reliability) under node's own test runner, after
 * `npm run build`: hostile bodies against the built Trigger in-process, then a real n8n on
 * loopback for the hostile sample, the burst, the replays and the log search.
 * KAJABI_RELIABILITY_TAP names a TAP report to write too. Extra arguments are passed to
 * node --test (e.g. --test-name-pattern=hostile).
 */

const { runNodeTestSuite } = require('./lib/node-test-suite');

// One file at a time: the in-process property run and the real n8n both want the CPU. tsx's
// loader lets the suite use the unit tests' TypeScript webhook context.
runNodeTestSuite({
	suite: 'reliability',
	tapVariable: 'KAJABI_RELIABILITY_TAP',
	runnerArgs: ['--import=tsx', '--test-concurrency=1', ...process.argv.slice(2)],
});
