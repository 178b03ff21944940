import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';

export interface ReceivedDelivery {
	path: string;
	headers: IncomingHttpHeaders;
	body: any;
}

/**
 * A loopback endpoint standing in for n8n's webhook URL: it records each delivery and answers
 * 200, or, for a path given `failFirst`, a few 500s before that.
 */
export class WebhookReceiver {
	readonly received: ReceivedDelivery[] = [];

	private readonly failuresLeft = new Map<string, number>();

	private server: Server | undefined;

	url = '';

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const path = req.url ?? '/';
				const text = Buffer.concat(chunks).toString('utf8');
				this.received.push({ path, headers: req.headers, body: text ? JSON.parse(text) : null });

				const failures = this.failuresLeft.get(path) ?? 0;
				this.failuresLeft.set(path, Math.max(failures - 1, 0));
				res.writeHead(failures > 0 ? 500 : 200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ received: failures === 0 }));
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	/** The next `count` deliveries to `path` get a 500. */
	failFirst(path: string, count: number): void {
		this.failuresLeft.set(path, count);
	}

	at(path: string): ReceivedDelivery[] {
		return this.received.filter((delivery) => delivery.path === path);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
