/**
 * Benchmark of the Kajabi node against the Kajabi stand-in on loopback, run in this process
 * through n8n-core's real OAuth2 client-credentials flow: what one lead lookup ("find by email,
 * then the contact with its customer, offers and tags") costs in calls and time, how many leads
 * a minute get through a 429-enforced limit, and what a token that expires mid-run costs.
 * Prints figures; asserts nothing. Run with `npm run bench:api`.
 */

import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Kajabi as KajabiNode } from '../../nodes/Kajabi/Kajabi.node';

import {
	createKajabiStandIn,
	SEEDED_KEYS,
	type KajabiStandIn,
	type SeedData,
	type StandInRecord,
} from '../kajabi-stand-in';
import { KajabiCredentialStore } from '../../test/api/kajabi/support/kajabiCredentials';
import {
	startRecordingProxy,
	type Exchange,
	type RecordingProxy,
} from '../../test/api/kajabi/support/recordingProxy';
import { removeUserFolder, runKajabiNode } from '../../test/api/kajabi/support/runKajabiNode';

// tsx resolves the extensionless `nodes/Kajabi/Kajabi.node` to n8n's codex file next to it
// (`Kajabi.node.json`), so the node class is loaded by its full file name and handed to the runner.
const { Kajabi } = createRequire(__filename)('../../nodes/Kajabi/Kajabi.node.ts') as {
	Kajabi: typeof KajabiNode;
};
const kajabiNode = new Kajabi();

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 100);
const LEADS = Number(process.env.BENCH_LEADS ?? 200);
const RATE_LIMIT = Number(process.env.BENCH_RATE_LIMIT ?? 60);
const RATE_WINDOW_SECONDS = Number(process.env.BENCH_RATE_WINDOW ?? 10);
const EXPIRY_LOOKUPS = 20;
const LOOKALIKES = 120;

const SITE_MAIN = '101';
// Every lookalike's email ends in this seeded contact's email, so the search for it pages.
const CROWDED_EMAIL = 'dan@example.net';

/** One lead to look up, and the contact it must come back as. */
interface Lead {
	siteId: string;
	email: string;
	expectedId: string;
}

interface Outcome {
	done: number;
	errored: number;
	ms: number;
}

const lookupParameters: INodeParameters = {
	resource: 'contact',
	operation: 'findByEmail',
	siteId: { __rl: true, mode: 'id', value: '={{ $json.siteId }}' },
	email: '={{ $json.email }}',
	options: { include: ['customer', 'offers', 'tags'] },
};

/**
 * Contacts on the main site whose emails contain `dan@example.net` (a `jordan@`, say), all
 * newer than the seeded ones: Kajabi lists newest first, so the exact match lands on page 2.
 */
function withLookalikes(defaults: SeedData): SeedData {
	const template = defaults.contacts[0];
	const lookalikes = Array.from({ length: LOOKALIKES }, (_, index) => ({
		...template,
		id: String(70_000 + index),
		siteId: SITE_MAIN,
		tagIds: [],
		attributes: {
			...template.attributes,
			name: `Jordan Lookalike ${index}`,
			email: `lead${index}.jor${CROWDED_EMAIL}`,
			created_at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
		},
	}));
	return { ...defaults, contacts: [...defaults.contacts, ...lookalikes] };
}

/** The same address written four ways, as people type it into forms. */
function mixCase(email: string, variant: number): string {
	switch (variant % 4) {
		case 0:
			return email.toLowerCase();
		case 1:
			return email.toUpperCase();
		case 2:
			return email;
		default:
			return [...email]
				.map((letter, index) => (index % 2 ? letter.toUpperCase() : letter.toLowerCase()))
				.join('');
	}
}

function leadsFor(count: number, seeded: StandInRecord[], offset = 0): Lead[] {
	return Array.from({ length: count }, (_, index) => {
		const contact = seeded[(index + offset) % seeded.length];
		return {
			siteId: String(contact.siteId),
			email: mixCase(String(contact.attributes.email), index),
			expectedId: contact.id,
		};
	});
}

function ownerCredential(baseUrl: string): KajabiCredentialStore {
	return new KajabiCredentialStore({
		clientId: SEEDED_KEYS.owner.clientId,
		clientSecret: SEEDED_KEYS.owner.clientSecret,
		baseUrl,
	});
}

function inputOf(leads: Lead[]): IDataObject[] {
	return leads.map(({ siteId, email }) => ({ siteId, email }));
}

/** All leads in one execution; an item that fails becomes an error item and counts as lost. */
async function lookUpTogether(credentials: KajabiCredentialStore, leads: Lead[]): Promise<Outcome> {
	const started = performance.now();
	const run = await runKajabiNode({
		parameters: lookupParameters,
		nodeType: kajabiNode,
		credentials,
		input: inputOf(leads),
		continueOnFail: true,
	});
	const ms = performance.now() - started;

	let done = 0;
	let errored = run.error ? leads.length : 0;
	for (const item of run.items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const lead = typeof paired === 'object' ? leads[paired.item] : undefined;
		if (item.json.error !== undefined) errored += 1;
		else if (lead && item.json.id === lead.expectedId) done += 1;
	}
	return { done, errored, ms };
}

/** One execution per lead, one after the other, as the trigger would start them. */
async function lookUpOneByOne(credentials: KajabiCredentialStore, leads: Lead[]): Promise<Outcome> {
	const started = performance.now();
	let done = 0;
	let errored = 0;
	for (const lead of leads) {
		const run = await runKajabiNode({
			parameters: lookupParameters,
			nodeType: kajabiNode,
			credentials,
			input: inputOf([lead]),
		});
		if (run.error) errored += 1;
		else if (run.json[0]?.id === lead.expectedId) done += 1;
	}
	return { done, errored, ms: performance.now() - started };
}

interface ContactPage {
	data: Array<{ id: string; attributes: { email?: string } }>;
	links?: { next?: string | null };
}

async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
	const answer = await fetch(url, init);
	return (await answer.json()) as T;
}

/**
 * The same lookups with plain fetch and no n8n: the share of the time the stand-in and
 * loopback HTTP take. The token is fetched once, outside the timing.
 */
async function lookUpWithFetch(baseUrl: string, leads: Lead[]): Promise<Outcome> {
	const { access_token: token } = await fetchJson<{ access_token: string }>(
		`${baseUrl}/v1/oauth/token`,
		{
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: SEEDED_KEYS.owner.clientId,
				client_secret: SEEDED_KEYS.owner.clientSecret,
			}),
		},
	);
	const init = {
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.api+json' },
	};

	const started = performance.now();
	let done = 0;
	for (const lead of leads) {
		const target = lead.email.trim().toLowerCase();
		const query = new URLSearchParams({
			'filter[site_id]': lead.siteId,
			'filter[search]': lead.email,
			'page[size]': '100',
		});
		let next: string | null | undefined = `${baseUrl}/v1/contacts?${query}`;
		let matchId: string | undefined;
		while (next && matchId === undefined) {
			const page: ContactPage = await fetchJson<ContactPage>(next, init);
			matchId = page.data.find((contact) => contact.attributes.email?.toLowerCase() === target)?.id;
			next = page.links?.next;
		}
		if (matchId === undefined) continue;

		const contact = await fetchJson<{ data?: { id: string } }>(
			`${baseUrl}/v1/contacts/${matchId}?include=customer,offers,tags`,
			init,
		);
		if (contact.data?.id === lead.expectedId) done += 1;
	}
	return { done, errored: 0, ms: performance.now() - started };
}

const format = (value: number, digits = 0) =>
	value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)}${value}`);

function printCalls(standIn: KajabiStandIn, lookups: number, outcome: Outcome): void {
	const counters = standIn.control.counters();
	const apiCalls = counters.requests - counters.tokenRequests;
	const byEndpoint = Object.entries(counters.requestsByOperation).sort(([a], [b]) =>
		a.localeCompare(b),
	);

	for (const [endpoint, count] of byEndpoint) row(endpoint, format(count));
	row('token requests', format(counters.tokenRequests));
	row('calls to the API per lookup', format(apiCalls / lookups, 2));
	row('leads found / lost', `${outcome.done} / ${lookups - outcome.done}`);
	row('wall time', `${format(outcome.ms)} ms (${format(outcome.ms / lookups, 1)} ms per lookup)`);
	row('lookups per second', format((lookups / outcome.ms) * 1000, 1));
}

async function benchLookups(standIn: KajabiStandIn, seeded: StandInRecord[]): Promise<void> {
	const leads = leadsFor(LOOKUPS, seeded);

	// n8n-core and the node load on the first run; that run is not timed.
	await lookUpOneByOne(ownerCredential(standIn.url), leads.slice(0, 1));

	standIn.control.resetCounters();
	const together = await lookUpTogether(ownerCredential(standIn.url), leads);
	console.log(`\n1a. ${LOOKUPS} lookups as ${LOOKUPS} items of one execution (new credential)`);
	printCalls(standIn, LOOKUPS, together);

	standIn.control.resetCounters();
	const oneByOne = await lookUpOneByOne(ownerCredential(standIn.url), leads);
	console.log(`\n1b. ${LOOKUPS} lookups as ${LOOKUPS} executions of one item (one new credential)`);
	printCalls(standIn, LOOKUPS, oneByOne);

	await lookUpWithFetch(standIn.url, leads.slice(0, 1));
	standIn.control.resetCounters();
	const bare = await lookUpWithFetch(standIn.url, leads);
	console.log(`\n1c. the same ${LOOKUPS} lookups with plain fetch, no n8n (for comparison)`);
	printCalls(standIn, LOOKUPS, bare);
}

const isApiCall = (exchange: Exchange) => !exchange.path.startsWith('/v1/oauth/');

function retryAfterSeconds(exchange: Exchange): number {
	const value = Number(exchange.responseHeaders['retry-after']);
	return Number.isFinite(value) ? value : 0;
}

async function benchRateLimit(
	standIn: KajabiStandIn,
	proxy: RecordingProxy,
	seeded: StandInRecord[],
): Promise<void> {
	const credentials = ownerCredential(proxy.url);
	const leads = leadsFor(LEADS, seeded, 7);

	// The token is fetched before the limit starts: n8n-core's token request has no retry.
	await lookUpOneByOne(credentials, leads.slice(0, 1));
	standIn.control.resetCounters();
	proxy.exchanges.length = 0;
	standIn.control.setRateLimit({ limit: RATE_LIMIT, windowSeconds: RATE_WINDOW_SECONDS });

	const outcome = await lookUpOneByOne(credentials, leads);
	standIn.control.clearRateLimit();

	const apiCalls = proxy.exchanges.filter(isApiCall);
	const limited = apiCalls.filter((exchange) => exchange.status === 429);
	const answered = apiCalls.filter((exchange) => exchange.status < 400).length;
	const failedFinally = outcome.errored;
	const waitSeconds = limited.reduce((sum, exchange) => sum + retryAfterSeconds(exchange), 0);
	const callsPerLead = answered / LEADS;
	const requestsPerMinute = (RATE_LIMIT / RATE_WINDOW_SECONDS) * 60;
	// The first window is full when the run starts, so a short run can beat the steady rate.
	const fastestRunMs =
		Math.max(0, Math.ceil(answered / RATE_LIMIT) - 1) * RATE_WINDOW_SECONDS * 1000;

	console.log(
		`\n2.  ${LEADS} leads, one execution each, under ${RATE_LIMIT} requests per ${RATE_WINDOW_SECONDS} s (429 beyond)`,
	);
	row('leads done', format(outcome.done));
	row('leads lost', format(LEADS - outcome.done));
	row('API calls sent', `${format(apiCalls.length)} (${format(answered)} answered 2xx)`);
	row(
		'429s received',
		`${format(limited.length)} (stand-in counted ${standIn.control.counters().rateLimited})`,
	);
	row('retries', format(limited.length - failedFinally));
	row('total wait (Retry-After honoured)', `${format(waitSeconds)} s`);
	row('wall time', `${format(outcome.ms / 1000, 1)} s`);
	row('leads per minute reached', format((outcome.done / outcome.ms) * 60_000, 1));
	row(
		'ceiling the limit allows',
		`${format(requestsPerMinute)} requests/min = ${format(requestsPerMinute / callsPerLead, 1)} leads/min at ${format(callsPerLead, 2)} calls per lead`,
	);
	row(
		'fastest this run could be',
		`${format(fastestRunMs / 1000)} s of windows = ${format((LEADS / fastestRunMs) * 60_000, 1)} leads/min (first window starts full)`,
	);
}

async function benchTokenExpiry(
	standIn: KajabiStandIn,
	proxy: RecordingProxy,
	seeded: StandInRecord[],
): Promise<void> {
	const credentials = ownerCredential(proxy.url);
	const leads = leadsFor(EXPIRY_LOOKUPS, seeded, 3);
	await lookUpOneByOne(credentials, leads.slice(0, 1));

	standIn.control.resetCounters();
	proxy.exchanges.length = 0;
	let apiCalls = 0;
	const expireAt = EXPIRY_LOOKUPS;
	proxy.beforeForward = ({ path }) => {
		if (!path.startsWith('/v1/oauth/') && ++apiCalls === expireAt) standIn.control.expireTokens();
	};
	const outcome = await lookUpTogether(credentials, leads);
	proxy.beforeForward = undefined;

	const refused = proxy.exchanges.filter((exchange) => exchange.status === 401).length;
	console.log(
		`\n3.  token expiry: ${EXPIRY_LOOKUPS} lookups in one execution, every token expired before API call ${expireAt}`,
	);
	row('token requests during the run', `${standIn.control.counters().tokenRequests} (1 expected)`);
	row('401s answered', format(refused));
	row('leads found / lost', `${outcome.done} / ${EXPIRY_LOOKUPS - outcome.done}`);
}

function printSettings(seeded: StandInRecord[]): void {
	const cpus = os.cpus();
	console.log('Kajabi node against the Kajabi stand-in, in process, on loopback');
	console.log(
		`node ${process.version} on ${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} cores)`,
	);
	console.log(
		`settings: ${LOOKUPS} lookups over ${seeded.length} seeded contacts on 2 sites, emails in 4 cases;` +
			` ${LOOKALIKES} lookalikes of ${CROWDED_EMAIL} on site ${SITE_MAIN} (its search pages);` +
			` include=customer,offers,tags; ${LEADS} leads under ${RATE_LIMIT} requests per ${RATE_WINDOW_SECONDS} s`,
	);
}

async function main(): Promise<void> {
	const standIn = await createKajabiStandIn({ port: 0, seed: withLookalikes });
	const proxy = await startRecordingProxy(standIn.url);
	try {
		const seeded = standIn.state.contacts.filter((contact) => Number(contact.id) < 70_000);
		printSettings(seeded);
		await benchLookups(standIn, seeded);
		await benchRateLimit(standIn, proxy, seeded);
		await benchTokenExpiry(standIn, proxy, seeded);
	} finally {
		await proxy.close();
		await standIn.close();
		removeUserFolder();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
