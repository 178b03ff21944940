import type { IncomingBody } from './parseBody';

/** The parts of n8n's webhook request the Trigger reads. */
interface WebhookRequest {
	rawBody?: Buffer | string;
	body?: unknown;
	readRawBody?: () => Promise<void>;
}

/**
 * The delivery's bytes as they arrived. n8n keeps them on the request once read; the Trigger
 * asks n8n to skip its own parsing (see the hidden `options` property), so they are read here.
 */
export async function readRequestBody(
	request: unknown,
): Promise<Pick<IncomingBody, 'rawBody' | 'parsedBody'>> {
	const incoming = request as WebhookRequest;

	if (incoming.rawBody === undefined && typeof incoming.readRawBody === 'function') {
		await incoming.readRawBody();
	}
	return { rawBody: incoming.rawBody ?? null, parsedBody: incoming.body };
}
