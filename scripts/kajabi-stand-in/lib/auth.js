'use strict';

/**
 * API keys, access and refresh tokens. A key is a client id and secret with a permission list
 * (`'*'` for the owner's key); an access token carries its key and an expiry; a refresh token
 * belongs to one session and is replaced each time it is used.
 */

const crypto = require('node:crypto');

function opaqueToken() {
	return crypto.randomBytes(32).toString('base64url');
}

function sameSecret(given, expected) {
	const a = Buffer.from(String(given));
	const b = Buffer.from(String(expected));
	return a.length === b.length && crypto.timingSafeEqual(a, b);
}

class TokenStore {
	constructor({ state, lifetimeSeconds, now = Date.now }) {
		this.state = state;
		this.lifetimeSeconds = lifetimeSeconds;
		this.now = now;
		this.accessTokens = new Map();
		this.refreshTokens = new Map();
		this.issued = 0;
	}

	findKey(clientId, clientSecret) {
		const key = this.state.apiKeys.find((candidate) => candidate.clientId === clientId);
		return key && sameSecret(clientSecret, key.clientSecret) ? key : null;
	}

	issue(key) {
		const session = crypto.randomUUID();
		const accessToken = opaqueToken();
		const refreshToken = opaqueToken();
		const expiresAt = this.now() + this.lifetimeSeconds * 1000;

		this.accessTokens.set(accessToken, { clientId: key.clientId, session, expiresAt });
		this.refreshTokens.set(refreshToken, { clientId: key.clientId, session });
		this.issued += 1;
		return {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.lifetimeSeconds,
			refresh_token: refreshToken,
		};
	}

	/** A new pair for a live refresh token; the used refresh token stops working. */
	refresh(refreshToken) {
		const entry = this.refreshTokens.get(refreshToken);
		if (!entry) return null;

		const key = this.state.apiKeys.find((candidate) => candidate.clientId === entry.clientId);
		this.refreshTokens.delete(refreshToken);
		return key ? this.issue(key) : null;
	}

	/** Why an access token cannot be used, or null with its key when it can. */
	check(accessToken) {
		const entry = this.accessTokens.get(accessToken);
		if (!entry) return { problem: 'The access token is invalid or has been revoked' };
		if (entry.expiresAt <= this.now()) return { problem: 'The access token expired' };

		const key = this.state.apiKeys.find((candidate) => candidate.clientId === entry.clientId);
		if (!key) return { problem: 'The API key behind this token was deleted' };
		return { key, session: entry.session };
	}

	/** Revokes the session a token (access or refresh) belongs to: both of its tokens stop. */
	revoke(token) {
		const entry = this.accessTokens.get(token) ?? this.refreshTokens.get(token);
		if (!entry) return false;
		this.revokeWhere((candidate) => candidate.session === entry.session);
		return true;
	}

	revokeWhere(matches) {
		for (const map of [this.accessTokens, this.refreshTokens]) {
			for (const [token, entry] of map) if (matches(entry)) map.delete(token);
		}
	}

	revokeAll() {
		this.accessTokens.clear();
		this.refreshTokens.clear();
	}

	/** Every access token now counts as expired; refresh tokens still work. */
	expireAll() {
		const past = this.now() - 1;
		for (const entry of this.accessTokens.values()) entry.expiresAt = past;
	}
}

function hasPermission(key, permission) {
	if (!permission) return true;
	const required = Array.isArray(permission) ? permission : [permission];
	return required.every((name) => key.permissions.includes('*') || key.permissions.includes(name));
}

/** The token in an `Authorization: Bearer ...` header, or null. */
function bearerToken(headers) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	return match ? match[1] : null;
}

module.exports = { TokenStore, bearerToken, hasPermission };
