'use strict';

/**
 * Runs the browser tests (test/ui) under node's own test runner, against a real n8n and Debian's
 * Chromium; run `npm run build` first, the package is packed from dist/. KAJABI_UI_TAP names a
 * TAP report to write too. With KAJABI_UI_DOCS_IMAGES set, the README's screenshots in
 * docs/images/ are taken anew.
 */

const { runNodeTestSuite } = require('./lib/node-test-suite');

runNodeTestSuite({ suite: 'ui', tapVariable: 'KAJABI_UI_TAP' });
