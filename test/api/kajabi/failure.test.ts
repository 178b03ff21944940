import { NodeApiError, OperationalError, type INode } from 'n8n-workflow';

import {
	describeFailure,
	isTransportFailure,
	readFailure,
} from '../../../nodes/shared/transport/failure';

const node: INode = {
	id: '1',
	name: 'Kajabi',
	type: 'n8n-nodes-kajabi-connect.kajabi',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** What the HTTP client throws for an answer with an error status. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		name: 'AxiosError',
		isAxiosError: true,
		response: { status, data, headers },
	});
}

describe('reading what n8n threw', () => {
	test('finds the status, Retry-After and Kajabi body inside the NodeApiError n8n wraps it in', () => {
		const cause = httpError(429, '{"errors":[{"detail":"Slow down"}]}', { 'retry-after': '3' });
		const failure = readFailure(new NodeApiError(node, cause as never));
		expect(failure).toMatchObject({
			status: 429,
			retryAfter: '3',
			body: { errors: [{ detail: 'Slow down' }] },
			cancelled: false,
		});
	});

	test('reads headers through a getter, as axios exposes them', () => {
		const headers = { get: (name: string) => (name === 'retry-after' ? '9' : undefined) };
		const error = Object.assign(new Error('x'), { response: { status: 503, data: '', headers } });
		expect(readFailure(error).retryAfter).toBe('9');
	});

	test("finds the token endpoint's {error} under n8n's OperationalError", () => {
		const authError = Object.assign(new Error('Client authentication failed'), {
			body: { error: 'invalid_client' },
			code: 'EAUTH',
		});
		const wrapped = new OperationalError('Failed to acquire OAuth2 access token', {
			cause: authError,
		});
		const failure = readFailure(new NodeApiError(node, wrapped as never));
		expect(failure.tokenError).toBe('invalid_client');
		expect(failure.tokenErrorMessage).toBe('Client authentication failed');
		expect(failure.status).toBeUndefined();
	});

	test('recognises a dropped connection and a cancelled execution', () => {
		const reset = readFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		expect(isTransportFailure(reset)).toBe(true);
		const cancelled = readFailure(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }));
		expect(cancelled.cancelled).toBe(true);
		expect(isTransportFailure(cancelled)).toBe(false);
	});

	test('survives an error that refers to itself', () => {
		const error: Record<string, unknown> = { message: 'loop' };
		error.cause = error;
		expect(readFailure(error)).toEqual({ cancelled: false });
	});
});

describe('the text a user sees', () => {
	test("leads with Kajabi's errors[].detail and where it points", () => {
		const text = describeFailure(
			{
				status: 422,
				body: {
					errors: [
						{
							status: '422',
							title: 'Unprocessable Entity',
							detail: 'Email has already been taken',
							source: { pointer: '/data/attributes/email' },
						},
					],
				},
				cancelled: false,
			},
			1,
		);
		expect(text.message).toBe(
			'Kajabi error 422: Email has already been taken (/data/attributes/email)',
		);
		expect(text.description).toBe('Kajabi refused the values sent.');
	});

	test('explains a 403 as a missing key permission', () => {
		const text = describeFailure(
			{ status: 403, body: { errors: [{ title: 'Forbidden' }] }, cancelled: false },
			1,
		);
		expect(text.message).toBe('Kajabi error 403: Forbidden');
		expect(text.description).toMatch(/lacks the permission/);
	});

	test('says how many times a request was sent', () => {
		const text = describeFailure({ status: 503, body: '', cancelled: false }, 5);
		expect(text.message).toBe('Kajabi error 503');
		expect(text.description).toBe(
			'Kajabi failed to handle the request. The request was sent 5 times.',
		);
	});

	test('names a refused client secret', () => {
		const text = describeFailure(
			{
				tokenError: 'invalid_client',
				tokenErrorMessage: 'Client authentication failed.',
				cancelled: false,
			},
			1,
		);
		expect(text.message).toBe('Kajabi refused to issue an access token: invalid_client');
		expect(text.description).toMatch(/^Client authentication failed\. Check the client ID/);
	});

	test('names an unreachable Kajabi', () => {
		expect(describeFailure({ code: 'ECONNREFUSED', cancelled: false }, 2)).toEqual({
			message: 'Kajabi could not be reached',
			description: 'No answer came from Kajabi (ECONNREFUSED). The request was sent 2 times.',
		});
	});
});
