'use strict';

/**
 * `npm run test:e2e` runs this after `npm run build`: the end-to-end suite (test/e2e) under
 * node's own test runner, against a real n8n. KAJABI_E2E_TAP names a TAP report to write too.
 */

const { runNodeTestSuite } = require('./lib/node-test-suite');

runNodeTestSuite({ suite: 'e2e', tapVariable: 'KAJABI_E2E_TAP' });
