import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { kajabiContract } from '../../contract/openApiContract';

/**
 * A loopback proxy between the node and the Kajabi stand-in: it passes every request on
 * unchanged and keeps a copy of each exchange, so a test can hold what the node sent to
 * Kajabi's spec. A hook may act before a request is passed on (to expire tokens mid-run).
 */

export interface Exchange {
	method: string;
	/** Path and query, as sent. */
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	status: number;
	/** The answer's headers, `retry-after` among them. */
	responseHeaders: http.IncomingHttpHeaders;
	responseBody: string;
}

export interface RecordingProxy {
	url: string;
	exchanges: Exchange[];
	/** Runs before each request is passed on. */
	beforeForward: ((request: { method: string; path: string }) => void) | undefined;
	close(): Promise<void>;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
	const upstream = new URL(target);

	const proxy: RecordingProxy = {
		url: '',
		exchanges: [],
		beforeForward: undefined,
		close: async () => {},
	};

	const server = http.createServer(async (request, response) => {
		const body = await readAll(request);
		const method = request.method ?? 'GET';
		const path = request.url ?? '/';
		proxy.beforeForward?.({ method, path });

		const forwarded = http.request(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				method,
				path,
				headers: { ...request.headers, host: upstream.host },
			},
			async (answer) => {
				const answerBody = await readAll(answer);
				proxy.exchanges.push({
					method,
					path,
					headers: request.headers,
					body: body.toString('utf8'),
					status: answer.statusCode ?? 0,
					responseHeaders: answer.headers,
					responseBody: answerBody.toString('utf8'),
				});
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				response.end(answerBody);
			},
		);
		forwarded.on('error', () => {
			response.writeHead(502);
			response.end();
		});
		forwarded.end(body);
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	proxy.url = `http://127.0.0.1:${port}`;
	proxy.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return proxy;
}

/**
 * The requests that went through the proxy and break Kajabi's spec, each with the validator's
 * complaints: an empty list when every request the code sent is one Kajabi documents.
 */
export function requestsBreakingSpec(
	proxy: RecordingProxy,
): Array<{ request: string; errors: unknown[] }> {
	const contract = kajabiContract();
	return proxy.exchanges
		.map((exchange) => {
			const [path, query = ''] = exchange.path.split('?');
			const outcome = contract.validateRequest({
				method: exchange.method,
				path,
				query: new URLSearchParams(query),
				headers: exchange.path.startsWith('/v1/oauth/token')
					? undefined
					: { Authorization: String(exchange.headers.authorization ?? '') },
				body: exchange.body === '' ? undefined : exchange.body,
				contentType: exchange.headers['content-type'],
			});
			return { request: `${exchange.method} ${exchange.path}`, errors: outcome.errors };
		})
		.filter((check) => check.errors.length > 0);
}
