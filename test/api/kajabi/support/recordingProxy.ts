import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
