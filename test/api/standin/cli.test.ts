import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { join } from 'path';

import { KajabiTestClient } from './kajabiTestClient';

const CLI = join(__dirname, '..', '..', '..', 'scripts', 'kajabi-stand-in', 'cli.js');

/** Starts the CLI and resolves with the first line it prints, or rejects after 10 s. */
function startCli(args: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`no output from the CLI: ${output}`)), 10_000);
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const newline = output.indexOf('\n');
			if (newline >= 0) {
				clearTimeout(timer);
				resolve({ child, firstLine: output.slice(0, newline) });
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the CLI exited with ${code} before printing`));
		});
	});
}

function stop(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill('SIGTERM');
	});
}

describe('the stand-in CLI', () => {
	it('prints its URL and the seeded key as JSON, serves the API, and stops on SIGTERM', async () => {
		const { child, firstLine } = await startCli(['--port', '0', '--json']);
		const printed = JSON.parse(firstLine);
		const api = new KajabiTestClient(printed.url);

		await api.authenticate({ clientId: printed.clientId, clientSecret: printed.clientSecret });
		const me = await api.get('/v1/me');
		const code = await stop(child);

		expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(me.status).toBe(200);
		expect(code).toBe(0);
	});

	it('prints a readable banner without --json', async () => {
		const { child, firstLine } = await startCli(['--port', '0']);
		await stop(child);

		expect(firstLine).toMatch(/^Kajabi stand-in listening on http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('refuses to listen anywhere but loopback', async () => {
		await expect(startCli(['--port', '0', '--host', '0.0.0.0'])).rejects.toThrow(
			'the CLI exited with 1 before printing',
		);
	});
});
