'use strict';

/**
 * The three nodes in n8n's editor, in a real browser: a real n8n 2.41.1 on loopback with this
 * package installed as a community package and the example workflow imported, driven in
 * Debian's Chromium. Each step leaves a screenshot in test-results/ui/. Run with
 * `node --test test/ui/` after `npm run build` (the package is packed from dist/). Nothing
 * leaves 127.0.0.1: the browser refuses every other host.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');

const { launchEditorBrowser, signIn } = require('../../scripts/lib/editor-browser');
const { REPO_ROOT, ensureN8nInstalled, N8nServer } = require('../../scripts/lib/n8n-server');

const PORT = Number(process.env.KAJABI_UI_N8N_PORT ?? 5701);
const BROKER_PORT = Number(process.env.KAJABI_UI_BROKER_PORT ?? PORT + 1);
const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'ui');
// With this set, the screenshots the README shows are also written to docs/images/.
const DOCS_IMAGES_DIR = process.env.KAJABI_UI_DOCS_IMAGES
	? path.join(REPO_ROOT, 'docs', 'images')
	: null;

const PACKAGE = 'n8n-nodes-kajabi-connect';
const TRIGGER_TYPE = `${PACKAGE}.kajabiTrigger`;
const ROUTER_TYPE = `${PACKAGE}.kajabiCampaignRouter`;
const KAJABI_TYPE = `${PACKAGE}.kajabi`;
const OUR_TYPES = [TRIGGER_TYPE, ROUTER_TYPE, KAJABI_TYPE];

const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const REPOSITORY_PAGE = packageJson.homepage.replace(/#.*$/, '');

const example = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'kajabi-lead-routing.json'), 'utf8'),
);
const exampleTrigger = example.nodes.find((node) => node.type === TRIGGER_TYPE);
const exampleRouter = example.nodes.find((node) => node.type === ROUTER_TYPE);

// A node of this package that does not exist: shows what an uninstalled node looks like, so the
// check on the example is known to see the mark when it is there.
const unknownNodeControl = {
	id: 'uiUnknownNodeControl',
	name: 'Unknown node control',
	nodes: [
		{
			id: 'c7f1b1de-0d53-4c59-9b53-0c1f4c0e5d11',
			name: 'Not a Kajabi Node',
			type: `${PACKAGE}.kajabiDoesNotExist`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	],
	connections: {},
	settings: {},
	active: false,
};

const FORM_SUBMISSION_BODY = fs.readFileSync(
	path.join(
		REPO_ROOT,
		'test',
		'fixtures',
		'kajabi',
		'openapi-form_submission-envelope-reconstructed.json',
	),
);

const log = (message) => process.stderr.write(`[ui] ${message}\n`);
let n8n;
let browser;
let page;
let nodes;
let ready = false;
let failures = 0;
let shotCount = 0;
// The workflow the "add each node" test builds, reused by the tests that open its nodes.
let builtWorkflowUrl = null;

/** What the built package itself says, so the editor is held to the node descriptions. */
function loadDescriptions() {
	const dist = (file) => path.join(REPO_ROOT, 'dist', file);
	if (!fs.existsSync(dist('nodes/Kajabi/Kajabi.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the browser tests');
	}
	const { KajabiTrigger } = require(dist('nodes/KajabiTrigger/KajabiTrigger.node.js'));
	const { RESOURCES } = require(dist('nodes/Kajabi/actions/resources.js'));
	const { KajabiOAuth2Api } = require(dist('credentials/KajabiOAuth2Api.credentials.js'));
	return {
		trigger: new KajabiTrigger().description,
		resources: RESOURCES,
		credential: new KajabiOAuth2Api(),
	};
}

/** A test that counts its failure, so the run keeps n8n's folder and says where it is. */
function spec(name, fn) {
	test(name, { timeout: 180_000 }, async () => {
		try {
			await fn();
		} catch (error) {
			failures += 1;
			await shot(`failed-${name}`).catch(() => {});
			// Leave no panel or dialog open over the canvas for the next test.
			await page?.goto(`${n8n.baseUrl}/home/workflows`).catch(() => {});
			throw error;
		}
	});
}

/** A numbered screenshot of the page (or of one region); `docsName` also copies it to docs/images. */
async function shot(name, { clip, docsName } = {}) {
	shotCount += 1;
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	const file = path.join(SHOTS_DIR, `${String(shotCount).padStart(2, '0')}-${slug}.png`);
	await page.screenshot({ path: file, clip, animations: 'disabled' });
	if (docsName && DOCS_IMAGES_DIR) {
		fs.mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
		fs.copyFileSync(file, path.join(DOCS_IMAGES_DIR, `${docsName}.png`));
	}
	return file;
}

async function openWorkflow(id) {
	await page.goto(`${n8n.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
	await page.getByTestId('canvas-node').first().waitFor();
	// The canvas draws its edges and output labels a moment after the nodes.
	await page.waitForTimeout(1000);
}

/** Every node on the canvas as the editor drew it. */
function canvasNodes() {
	return page.getByTestId('canvas-node').evaluateAll((elements) =>
		elements.map((element) => ({
			name: element.getAttribute('data-node-name'),
			type: element.getAttribute('data-node-type'),
			notInstalled: element.querySelector('[data-test-id="node-not-installed"]') !== null,
			hasIssues: element.querySelector('[data-test-id="node-issues"]') !== null,
			icon: element.querySelector('img')?.getAttribute('src') ?? null,
			// n8n draws a "?" where it has no node type to take an icon from.
			placeholderIcon: element.querySelector('[class*="_nodeIconPlaceholder_"]') !== null,
			subtitle: element.querySelector('[class*="_subtitle_"]')?.textContent.trim() ?? null,
			outputLabels: [...element.querySelectorAll('[data-test-id="canvas-node-output-handle"]')].map(
				(handle) => handle.textContent.trim(),
			),
		})),
	);
}

/** Every edge as source, output index and target, read from the ids Vue Flow gives them. */
function canvasEdges() {
	return page.locator('[data-test-id="edge"]').evaluateAll((elements) =>
		elements.map((element) => {
			const id = element.closest('[data-id]')?.getAttribute('data-id') ?? '';
			const output = /\/outputs\/main\/(\d+)\]/.exec(id);
			return {
				source: element.getAttribute('data-source-node-name'),
				target: element.getAttribute('data-target-node-name'),
				output: output ? Number(output[1]) : null,
			};
		}),
	);
}

const edgeKey = (edge) => `${edge.source} [${edge.output}] -> ${edge.target}`;

function expectedEdges(workflow) {
	const edges = [];
	for (const [source, byType] of Object.entries(workflow.connections)) {
		for (const [output, targets] of (byType.main ?? []).entries()) {
			for (const target of targets ?? []) edges.push({ source, output, target: target.node });
		}
	}
	return edges;
}

/** The README's rule: the conditions' campaigns, then the table's, each once, then Fallback. */
function expectedRouterOutputs(parameters) {
	if (parameters.mode === 'annotate') return ['Leads'];
	const names = [];
	const entries = [...(parameters.conditions?.condition ?? []), ...(parameters.rules?.rule ?? [])];
	for (const entry of entries) {
		const name = String(entry.campaign ?? '').trim();
		if (name && !names.includes(name)) names.push(name);
	}
	return [...names, 'Fallback'];
}

async function openNode(name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.getByTestId('ndv').waitFor();
	await page.waitForTimeout(500);
}

async function closeNode() {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/** The node panel's search, waiting for an entry so the list is the search's, not the default. */
async function searchNodePanel(text, expectedEntry) {
	await page.getByTestId('node-creator-search-bar').fill(text);
	await page
		.getByTestId('node-creator-item-name')
		.getByText(expectedEntry, { exact: true })
		.waitFor();
}

/**
 * The node panel's visible entries of one kind ("node" or "action"), each with the node type it
 * belongs to, read from n8n's keyboard-navigation ids (`<node type>-<uuid>`).
 */
function panelEntries(kind) {
	return page
		.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-type="${kind}"]`)
		.evaluateAll((elements) =>
			elements
				.filter((element) => element.offsetParent !== null)
				.map((element) => ({
					name: element
						.querySelector('[data-test-id="node-creator-item-name"]')
						?.textContent.trim(),
					description:
						element
							.querySelector('[data-test-id="node-creator-item-description"]')
							?.textContent.trim() ?? null,
					type: /^(.*?)-[0-9a-f]{8}-/.exec(element.getAttribute('data-keyboard-nav-id') ?? '')?.[1],
				})),
		);
}

/** The panel draws only the entries in view: scroll it to the end, gathering them on the way. */
async function allPanelEntries(kind) {
	const seen = new Map();
	const panel = await page.getByTestId('node-creator').boundingBox();
	await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height * 0.7);
	for (let unchanged = 0; unchanged < 3; ) {
		const before = seen.size;
		for (const entry of await panelEntries(kind)) seen.set(`${entry.type}:${entry.name}`, entry);
		unchanged = seen.size === before ? unchanged + 1 : 0;
		await page.mouse.wheel(0, 300);
		await page.waitForTimeout(150);
	}
	return [...seen.values()];
}

function panelEntry(kind, name) {
	return page
		.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-type="${kind}"]`)
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
}

/** The options of an open dropdown, by their headline. */
async function openDropdownOptions(parameterName) {
	await page.getByTestId(`parameter-input-${parameterName}`).click();
	const list = page.locator('.el-select-dropdown__item:visible');
	await list.first().waitFor();
	return list.locator('.option-headline').allInnerTexts();
}

/** The scrolling list of the open dropdown (its items go on below what it shows). */
function dropdownList() {
	return page
		.locator('.el-scrollbar:visible')
		.filter({ has: page.locator('.el-select-dropdown__item') });
}

/** Escape closes a dropdown, which fades out: wait until none of its options shows. */
async function closeDropdown() {
	await page.keyboard.press('Escape');
	const started = Date.now();
	while ((await page.locator('.el-select-dropdown__item:visible').count()) > 0) {
		if (Date.now() - started > 10_000) throw new Error('a dropdown stays open');
		await page.waitForTimeout(100);
	}
}

function ndvText() {
	return page.getByTestId('ndv').innerText();
}

before(
	async () => {
		nodes = loadDescriptions();
		fs.rmSync(SHOTS_DIR, { recursive: true, force: true });
		fs.mkdirSync(SHOTS_DIR, { recursive: true });

		const install = ensureN8nInstalled({ log });
		// Inside the repository (ignored by git and eslint), so a failed run's logs are easy to find.
		fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
		const userFolder = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'ui-n8n-'));
		n8n = new N8nServer({ install, userFolder, port: PORT, brokerPort: BROKER_PORT, log });
		log(`n8n user folder (logs): ${n8n.userFolder}`);
		await n8n.checkPorts();
		n8n.installPackage(REPO_ROOT);
		n8n.importWorkflows([example, unknownNodeControl]);
		await n8n.start();
		await n8n.setupOwner();

		browser = await launchEditorBrowser({ log });
		page = browser.page;
		page.setDefaultTimeout(30_000);
		ready = true;
	},
	{ timeout: 20 * 60_000 },
);

after(async () => {
	await browser?.close();
	await n8n?.stop();
	if (browser?.refused.size)
		log(`requests refused in the browser: ${[...browser.refused].join(', ')}`);
	log(`screenshots in ${SHOTS_DIR}`);
	if (!n8n) return;
	if (ready && failures === 0) {
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
		return;
	}
	log(`kept for a look: n8n log ${n8n.logFile}`);
	log(`last lines of the n8n log:\n${n8n.logTail(30)}`);
});

spec('the owner signs in through the form and finds the example workflow in the list', async () => {
	await signIn(page, n8n.baseUrl, n8n.owner);

	await page.getByText(example.name, { exact: true }).first().waitFor();
	assert.doesNotMatch(new URL(page.url()).pathname, /signin/);
	await shot('signed in');
});

spec(
	'searching "Kajabi" in the node panel finds the Kajabi entry, with the Trigger\'s events, and the Campaign Router',
	async () => {
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.getByTestId('canvas-plus-button').click();
		await searchNodePanel('Kajabi', 'Kajabi');

		const entries = await panelEntries('node');
		assert.deepEqual(entries.map((entry) => `${entry.name} (${entry.type})`).sort(), [
			`Kajabi (${KAJABI_TYPE})`,
			`Kajabi Campaign Router (${ROUTER_TYPE})`,
		]);
		// n8n folds the Trigger into the Kajabi entry and shows the Trigger's description for it.
		const kajabiEntry = entries.find((entry) => entry.name === 'Kajabi');
		assert.equal(kajabiEntry.description, nodes.trigger.description);
		await shot('node panel search', {
			docsName: 'node-panel-search',
			clip: await regionAround(
				[page.getByTestId('node-creator'), page.locator('[data-keyboard-nav-type="node"]')],
				{ bottomOnly: true },
			),
		});

		await panelEntry('node', 'Kajabi').click();
		await panelEntry('action', 'On form submission').waitFor();
		const triggers = await panelEntries('action');
		const events = nodes.trigger.properties.find((property) => property.name === 'events');
		assert.deepEqual(
			triggers.map((entry) => `${entry.name} (${entry.type})`),
			events.options.map((option) => `On ${option.name.toLowerCase()} (${TRIGGER_TYPE})`),
		);
		assert.ok(
			(await page.getByTestId('node-creator').innerText()).includes(
				`Actions (${operationCount()})`,
			),
			'the Kajabi entry does not count all the Kajabi node operations',
		);
		await shot('node panel kajabi triggers');
	},
);

spec(
	'the Trigger, the Kajabi node and the Campaign Router can each be added to a new workflow',
	async () => {
		await panelEntry('action', 'On form submission').click();
		await page.getByTestId('ndv').waitFor();
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv').waitFor({ state: 'hidden' });

		await page.getByTestId('node-creator-plus-button').click();
		await searchNodePanel('Kajabi', 'Kajabi');
		await panelEntry('node', 'Kajabi').click();
		await panelEntry('action', 'Find a contact by email').waitFor();
		await shot('node panel kajabi actions');
		const actions = (await allPanelEntries('action')).filter((entry) => entry.type === KAJABI_TYPE);
		const described = nodes.resources.flatMap((resource) =>
			resource.operations.map((operation) => operation.option.action),
		);
		assert.deepEqual(actions.map((entry) => entry.name).sort(), [...described].sort());
		await panelEntry('action', 'Find a contact by email').scrollIntoViewIfNeeded();
		await panelEntry('action', 'Find a contact by email').click();
		await page.getByTestId('ndv').waitFor();
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv').waitFor({ state: 'hidden' });

		await page.getByTestId('node-creator-plus-button').click();
		await searchNodePanel('Kajabi Campaign Router', 'Kajabi Campaign Router');
		await panelEntry('node', 'Kajabi Campaign Router').click();
		// A node without actions opens on its details, with one button to add it.
		await page.getByRole('button', { name: 'Add to workflow' }).click();
		await page.getByTestId('ndv').waitFor();
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv').waitFor({ state: 'hidden' });
		await page.waitForTimeout(500);
		builtWorkflowUrl = page.url();

		const added = await canvasNodes();
		assert.deepEqual(added.map((node) => node.type).sort(), [...OUR_TYPES].sort());
		const byType = Object.fromEntries(added.map((node) => [node.type, node]));
		assert.equal(byType[TRIGGER_TYPE].subtitle, 'Form Submission');
		assert.equal(byType[KAJABI_TYPE].subtitle, 'Find a contact by email');
		assert.equal(byType[ROUTER_TYPE].subtitle, 'One output per campaign');
		assert.deepEqual(byType[ROUTER_TYPE].outputLabels, ['Fallback']);
		assert.deepEqual(
			added.filter((node) => node.notInstalled || node.placeholderIcon).map((node) => node.name),
			[],
			'nodes drawn as unknown',
		);
		await shot('three nodes added');
	},
);

spec(
	"the Kajabi node offers every resource and operation it describes, in Kajabi's words",
	async () => {
		assert.ok(builtWorkflowUrl, 'needs the workflow the previous test builds');
		await page.goto(builtWorkflowUrl, { waitUntil: 'domcontentloaded' });
		// Wait for this node itself: the canvas may draw the others first.
		await page.locator(`[data-test-id="canvas-node"][data-node-type="${KAJABI_TYPE}"]`).waitFor();
		const kajabiNode = (await canvasNodes()).find((node) => node.type === KAJABI_TYPE);
		await openNode(kajabiNode.name);

		// n8n appends its own "Custom API Call" to the lists of a node with a credential.
		const resources = await openDropdownOptions('resource');
		assert.deepEqual(
			resources.filter((name) => name !== 'Custom API Call'),
			nodes.resources.map((resource) => resource.option.name),
		);
		await closeDropdown();

		const contact = nodes.resources.find((resource) => resource.option.value === 'contact');
		const operations = await openDropdownOptions('operation');
		assert.deepEqual(
			operations.filter((name) => name !== 'Custom API Call'),
			contact.operations
				.map((operation) => operation.option.name)
				.sort((a, b) => a.localeCompare(b)),
		);
		assert.ok(operations.includes('Find by Email'));
		await shot('kajabi node operations', {
			docsName: 'kajabi-operations',
			clip: await regionAround([page.getByTestId('node-parameters'), dropdownList()], {
				bottomOnly: true,
				margin: 24,
			}),
		});
		await closeDropdown();

		const docsLink = await page
			.getByTestId('ndv')
			.getByRole('link', { name: 'Docs' })
			.getAttribute('href');
		assert.ok(
			docsLink.startsWith(`${REPOSITORY_PAGE}/blob/main/docs/`),
			`the node's Docs link is ${docsLink}`,
		);

		await page.getByTestId('node-credentials-empty-state').click();
		const modal = page.getByTestId('credential-edit-dialog');
		await modal.waitFor();
		const credentialDocs = await modal.getByRole('link', { name: 'docs' }).getAttribute('href');
		assert.equal(credentialDocs, nodes.credential.documentationUrl);
		assert.ok(
			credentialDocs.startsWith(REPOSITORY_PAGE),
			`the credential's docs are ${credentialDocs}`,
		);
		assert.ok(
			(await modal.innerText()).includes('Create a key in Kajabi under Settings, Public API'),
			"the credential's notice is missing",
		);
		await shot('kajabi credential');
		// Escape closes the credential dialog and the node's panel under it.
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' });
		if (await page.getByTestId('ndv').isVisible()) await closeNode();
	},
);

spec(
	'the Trigger says which URL to paste into Kajabi, and in automatic setup which hooks it registers',
	async () => {
		assert.ok(builtWorkflowUrl, 'needs the workflow the test before last builds');
		await page.goto(builtWorkflowUrl, { waitUntil: 'domcontentloaded' });
		await page.getByTestId('canvas-node').first().waitFor();
		const trigger = (await canvasNodes()).find((node) => node.type === TRIGGER_TYPE);
		await openNode(trigger.name);

		const manual = await ndvText();
		assert.ok(
			manual.includes('choose Production URL: that is the URL to paste into Kajabi'),
			'the manual setup notice is missing',
		);
		const leadItemLink = await page
			.getByTestId('ndv')
			.getByRole('link', { name: 'the lead item reference' })
			.getAttribute('href');
		assert.equal(leadItemLink, `${REPOSITORY_PAGE}/blob/main/docs/lead-item.md`);
		assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs', 'lead-item.md')));
		assert.equal(await page.getByTestId('node-credentials-slot').count(), 0);
		await shot('trigger manual setup');

		await page.getByTestId('parameter-input-setup').click();
		await page
			.locator('.el-select-dropdown__item:visible')
			.getByText('Register Hook Through Kajabi API', { exact: true })
			.click();
		await page.getByTestId('node-credentials-slot').waitFor();
		const automatic = await ndvText();
		assert.ok(
			automatic.includes('creates one Kajabi API hook per selected event') &&
				automatic.includes("with its Production URL as the hook's target"),
			'the automatic setup notice is missing',
		);
		assert.ok(!automatic.includes('that is the URL to paste into Kajabi'));
		assert.ok(await page.getByTestId('parameter-input-siteId').isVisible());
		await shot('trigger automatic setup');
		await closeNode();
	},
);

spec(
	'the example workflow opens with every node installed and every connection drawn',
	async () => {
		await openWorkflow(unknownNodeControl.id);
		const control = await canvasNodes();
		assert.equal(control.length, 1);
		assert.equal(
			control[0].notInstalled,
			true,
			'an unknown node should carry the not-installed mark',
		);
		assert.equal(control[0].placeholderIcon, true);

		await openWorkflow(example.id);
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(500);

		const drawn = await canvasNodes();
		const expectedNodes = example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		assert.deepEqual(
			drawn.map((node) => `${node.name} (${node.type})`).sort(),
			expectedNodes.map((node) => `${node.name} (${node.type})`).sort(),
		);
		assert.deepEqual(
			drawn.filter((node) => node.notInstalled || node.placeholderIcon).map((node) => node.name),
			[],
			'nodes drawn as not installed',
		);
		assert.deepEqual(
			drawn
				.filter((node) => OUR_TYPES.includes(node.type) && node.hasIssues)
				.map((node) => node.name),
			[],
			'Kajabi nodes with issues',
		);
		const body = await page.locator('body').innerText();
		assert.ok(!/Install this node|not currently installed/i.test(body), 'an install prompt shows');

		assert.deepEqual(
			(await canvasEdges()).map(edgeKey).sort(),
			expectedEdges(example).map(edgeKey).sort(),
		);
		await page.mouse.move(5, 450);
		await shot('example workflow', {
			docsName: 'example-workflow',
			clip: await regionAround([page.getByTestId('canvas-node'), page.getByTestId('sticky')], {
				margin: 40,
			}),
		});
	},
);

spec(
	"the Trigger's panel shows its Production and Test URLs, built on the workflow's webhookId",
	async () => {
		await openNode(exampleTrigger.name);
		await page.getByTestId('ndv').getByText('Webhook URLs', { exact: true }).click();

		const urlPattern = /http:\/\/127\.0\.0\.1:\d+\/webhook(?:-test)?\/\S+/;
		await page.getByTestId('ndv').getByText('Test URL', { exact: true }).click();
		await page.getByTestId('ndv').getByText(`${n8n.baseUrl}/webhook-test/`).waitFor();
		assert.equal((await ndvText()).match(urlPattern)?.[0], testUrl());

		await page.getByTestId('ndv').getByText('Production URL', { exact: true }).click();
		await page.getByTestId('ndv').getByText(`${n8n.baseUrl}/webhook/`).waitFor();
		assert.equal(
			(await ndvText()).match(urlPattern)?.[0],
			`${n8n.baseUrl}/webhook/${exampleTrigger.webhookId}/${nodes.trigger.webhooks[0].path}`,
		);
		await shot('trigger panel production url', { docsName: 'trigger-panel' });
	},
);

spec("listening for a test event shows the delivered lead in the Trigger's output", async () => {
	await page.getByTestId('trigger-execute-button').click();
	await page.getByTestId('ndv').getByText('Listening for test event').first().waitFor();
	await shot('trigger listening');

	const response = await postWhenRegistered(testUrl(), FORM_SUBMISSION_BODY);
	assert.equal(response.status, 200);
	assert.equal(response.json?.status, 'accepted');
	assert.equal(response.json?.event, 'form_submission');

	const output = page.getByTestId('output-panel');
	await output.getByTestId('radio-button-json').click();
	await output.getByText('"eventType"').first().waitFor();
	// The JSON view puts every token on its own line; read it as one line.
	const text = (await output.innerText()).replace(/\s+/g, ' ');
	for (const field of [
		'"eventType": "form_submission"',
		'"source": "api_hook"',
		'"email": "john.doe@example.com"',
		'"title": "Sample Form"',
	]) {
		assert.ok(text.includes(field), `the Trigger's output lacks ${field}`);
	}
	await shot('trigger test event received');
	await closeNode();
});

spec(
	'the Campaign Router has one output per campaign, named after the campaigns, and Fallback',
	async () => {
		await openWorkflow(example.id);
		const router = (await canvasNodes()).find((node) => node.name === exampleRouter.name);
		const expected = expectedRouterOutputs(exampleRouter.parameters);
		assert.ok(expected.length > 2, 'the example routes to more than one campaign');
		assert.deepEqual(router.outputLabels, expected);

		await zoomOnNode(exampleRouter.name);
		// Away from the node, so its hover toolbar is not in the picture.
		await page.mouse.move(5, 450);
		await shot('router outputs', {
			docsName: 'router-outputs',
			clip: await regionAround(
				[
					page.locator(`[data-test-id="canvas-node"][data-node-name="${exampleRouter.name}"]`),
					page.locator(`[data-test-id="edge"][data-source-node-name="${exampleRouter.name}"]`),
				],
				{ margin: 70 },
			),
		});

		await openNode(exampleRouter.name);
		const mode = await page.getByTestId('parameter-input-mode').locator('input').inputValue();
		assert.equal(mode, 'One Output per Campaign');
		await shot('router panel');
		await closeNode();
	},
);

spec('the Kajabi nodes show the light icon, and the dark one in a dark editor', async () => {
	await openWorkflow(example.id);
	const iconsOf = async () =>
		(await canvasNodes()).filter((node) => OUR_TYPES.includes(node.type)).map((node) => node.icon);

	const light = await iconsOf();
	assert.ok(light.length >= 2);
	assert.deepEqual([...new Set(light)], [`/icons/${PACKAGE}/dist/icons/kajabi.svg`]);

	await page.emulateMedia({ colorScheme: 'dark' });
	try {
		await page.locator('[data-test-id="canvas-node"] img[src$=".dark.svg"]').first().waitFor();
		const dark = await iconsOf();
		assert.deepEqual([...new Set(dark)], [`/icons/${PACKAGE}/dist/icons/kajabi.dark.svg`]);
		await shot('example workflow dark');

		for (const icon of [light[0], dark[0]]) {
			const answer = await page.request.get(`${n8n.baseUrl}${icon}`);
			assert.equal(answer.status(), 200, `${icon} answered ${answer.status()}`);
			assert.match(await answer.text(), /<svg[\s>]/);
		}
	} finally {
		await page.emulateMedia({ colorScheme: 'light' });
	}
});

function testUrl() {
	return `${n8n.baseUrl}/webhook-test/${exampleTrigger.webhookId}/${nodes.trigger.webhooks[0].path}`;
}

function operationCount() {
	return nodes.resources.reduce((sum, resource) => sum + resource.operations.length, 0);
}

/**
 * The smallest region holding every element the locators match, plus a margin, inside the
 * viewport. With `bottomOnly`, the first locator gives the left, top and width (a panel) and the
 * others only where it ends.
 */
async function regionAround(locators, { margin = 16, bottomOnly = false } = {}) {
	const boxes = [];
	for (const locator of locators) {
		for (const element of await locator.all()) {
			const box = await element.boundingBox();
			if (box && box.width > 0 && box.height > 0) boxes.push(box);
		}
	}
	const viewport = page.viewportSize();
	const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - margin);
	const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - margin);
	const right = Math.min(
		viewport.width,
		Math.max(...boxes.map((box) => box.x + box.width)) + margin,
	);
	const bottom = Math.min(
		viewport.height,
		Math.max(...boxes.slice(bottomOnly ? 1 : 0).map((box) => box.y + box.height)) + margin,
	);
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The Test URL is registered a moment after the editor says it listens. */
async function postWhenRegistered(url, body) {
	const started = Date.now();
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			signal: AbortSignal.timeout(15_000),
		});
		const text = await response.text();
		if (response.status !== 404 || Date.now() - started > 15_000) {
			let json = null;
			try {
				json = JSON.parse(text);
			} catch {
				// left null: the assertions say the answer should be JSON
			}
			return { status: response.status, json };
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Zooms the canvas in around one node, the way a person would with Ctrl and the wheel. */
async function zoomOnNode(name) {
	const box = await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`)
		.boundingBox();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.keyboard.down('Control');
	for (let step = 0; step < 6; step++) {
		await page.mouse.wheel(0, -120);
		await page.waitForTimeout(100);
	}
	await page.keyboard.up('Control');
	await page.waitForTimeout(500);
}
