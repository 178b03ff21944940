'use strict';

/**
 * n8n's editor in Debian's Chromium, driven by playwright-core. Playwright's own browser
 * download cannot work on machines without general internet access, so the browser is the one
 * scripts/install-chromium.sh puts at /usr/bin/chromium. Every request for a host other than
 * 127.0.0.1 is refused inside the browser before it leaves (the editor looks community
 * packages up on registry.npmjs.org, for one) and remembered, so a run can say what was refused.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chromium, selectors } = require('playwright-core');

const CHROMIUM = process.env.KAJABI_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling Google's hosts, which a closed
// network refuses many times a minute; without --no-sandbox it does not start as root.
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// n8n's own end-to-end tests find elements by this attribute.
selectors.setTestIdAttribute('data-test-id');

function assertChromiumInstalled() {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing: run scripts/install-chromium.sh (as root on Debian) first`,
		);
	}
}

/**
 * Starts Chromium with a fresh profile and returns its one page. `close()` ends the browser and
 * removes the profile.
 *
 * @param {object} [options]
 * @param {{width: number, height: number}} [options.viewport]
 * @param {(message: string) => void} [options.log]
 */
async function launchEditorBrowser({
	viewport = { width: 1440, height: 900 },
	log = () => {},
} = {}) {
	assertChromiumInstalled();
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kajabi-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport,
		colorScheme: 'light',
		timezoneId: 'UTC',
		locale: 'en-US',
	});

	const refused = new Set();
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
			return route.continue();
		}
		if (!refused.has(url.host)) log(`refused a request to ${url.host}`);
		refused.add(url.host);
		return route.abort('blockedbyclient');
	});

	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		refused,
		async close() {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Signs in through n8n's own form, as a person would. */
async function signIn(page, baseUrl, { email, password }) {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

module.exports = { CHROMIUM, assertChromiumInstalled, launchEditorBrowser, signIn };
