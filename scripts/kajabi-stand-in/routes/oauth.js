'use strict';

/**
 * `POST /v1/oauth/token` (client credentials or refresh token, form-encoded) and
 * `POST /v1/oauth/revoke`. Token errors are `{"error": "..."}` in OAuth's words.
 */

function tokenError(status, error) {
	return { status, body: { error }, json: true };
}

function clientCredentials(ctx) {
	const { client_id: clientId, client_secret: clientSecret } = ctx.body;
	if (!clientId || !clientSecret) return tokenError(400, 'invalid_request');

	const key = ctx.tokens.findKey(clientId, clientSecret);
	if (!key) return tokenError(401, 'invalid_client');
	return { status: 200, body: ctx.tokens.issue(key), json: true };
}

function refreshToken(ctx) {
	if (!ctx.body.refresh_token) return tokenError(400, 'invalid_request');

	const answer = ctx.tokens.refresh(ctx.body.refresh_token);
	if (!answer) return tokenError(400, 'invalid_grant');
	return { status: 200, body: answer, json: true };
}

function issueToken(ctx) {
	const grantType = ctx.body?.grant_type;
	if (grantType === 'client_credentials') return clientCredentials(ctx);
	if (grantType === 'refresh_token') return refreshToken(ctx);
	// The spec also mentions a username and password exchange; the stand-in has no users.
	return tokenError(400, grantType ? 'unsupported_grant_type' : 'invalid_request');
}

/** Revokes the session of the given token; like RFC 7009, an unknown token is not an error. */
function revokeToken(ctx) {
	const token = ctx.body?.token;
	if (token) ctx.tokens.revoke(String(token));
	return { status: 200, body: null };
}

module.exports = [
	{ method: 'POST', path: '/v1/oauth/token', auth: false, handler: issueToken },
	// The spec documents revoke's 401 without a body.
	{ method: 'POST', path: '/v1/oauth/revoke', bareUnauthorized: true, handler: revokeToken },
];
