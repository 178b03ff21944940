import { sleep } from 'n8n-workflow';

/** Waits between two tries of a request; its own module so tests can watch the waits. */
export async function pause(milliseconds: number): Promise<void> {
	await sleep(milliseconds);
}
