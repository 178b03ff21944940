'use strict';

/**
 * The Kajabi account that the demo and the end-to-end suite give the example workflow: the
 * Kajabi stand-in on loopback, its owner key stored in n8n as a Kajabi OAuth2 API credential,
 * and a few calls that play a person submitting a Kajabi form.
 */

const fs = require('node:fs');
const path = require('node:path');

const { createKajabiStandIn, SEEDED_KEYS } = require('../kajabi-stand-in');

/** The stand-in's seeded site, and the tag the example gives to every lead it routes. */
const STAND_IN_ACCOUNT = {
	credential: { id: 'kajabiStandIn001', name: 'Kajabi stand-in (loopback)' },
	siteId: '101',
	routedTagId: '3008',
};

async function startKajabiAccount({ port = 0, log = () => {} } = {}) {
	const standIn = await createKajabiStandIn({ port });
	log(`Kajabi stand-in on ${standIn.url}`);
	return standIn;
}

/**
 * Stores the owner key as the credential STAND_IN_ACCOUNT names. `n8n import:credentials`
 * encrypts plain data itself; the file holding it is removed at once.
 */
function importKajabiCredential(n8n, standInUrl) {
	const folder = fs.mkdtempSync(path.join(n8n.userFolder, 'credentials-'));
	const file = path.join(folder, 'kajabi.json');
	const credential = {
		...STAND_IN_ACCOUNT.credential,
		type: 'kajabiOAuth2Api',
		data: {
			clientId: SEEDED_KEYS.owner.clientId,
			clientSecret: SEEDED_KEYS.owner.clientSecret,
			baseUrl: standInUrl,
		},
	};
	fs.writeFileSync(file, JSON.stringify([credential]), { mode: 0o600 });
	try {
		return n8n.cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

async function kajabiToken(standInUrl) {
	const response = await fetch(`${standInUrl}/v1/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: SEEDED_KEYS.owner.clientId,
			client_secret: SEEDED_KEYS.owner.clientSecret,
		}),
		signal: AbortSignal.timeout(10_000),
	});
	const answer = await response.json();
	if (!response.ok) throw new Error(`no Kajabi token: ${response.status} ${answer.error}`);
	return answer.access_token;
}

/** Submits a Kajabi form as a visitor would, through `POST /v1/forms/{id}/submit`. */
async function submitKajabiForm(standInUrl, formId, attributes) {
	const token = await kajabiToken(standInUrl);
	const response = await fetch(`${standInUrl}/v1/forms/${formId}/submit`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${token}`,
			'content-type': 'application/vnd.api+json',
		},
		body: JSON.stringify({ data: { type: 'form_submissions', attributes } }),
		signal: AbortSignal.timeout(10_000),
	});
	const answer = await response.json();
	if (!response.ok) {
		throw new Error(
			`form ${formId} submit answered ${response.status}: ${answer.errors?.[0]?.detail}`,
		);
	}
	return answer.data;
}

/** The stand-in's hooks whose target is the given URL. */
function hooksFor(standIn, targetUrl) {
	return standIn.state.hooks.filter((hook) => hook.attributes.target_url === targetUrl);
}

/** The contact the stand-in holds for an email on the account's site, if any. */
function contactByEmail(standIn, email) {
	const wanted = email.toLowerCase();
	return standIn.state.contacts.find(
		(contact) =>
			contact.siteId === STAND_IN_ACCOUNT.siteId &&
			contact.attributes.email.toLowerCase() === wanted,
	);
}

module.exports = {
	STAND_IN_ACCOUNT,
	contactByEmail,
	hooksFor,
	importKajabiCredential,
	startKajabiAccount,
	submitKajabiForm,
};
