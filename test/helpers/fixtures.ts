import { readFileSync } from 'fs';
import { join } from 'path';

export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'kajabi');

export const API_EVENTS = [
	'form_submission',
	'purchase',
	'payment_succeeded',
	'order_created',
	'tag_added',
	'tag_removed',
] as const;

export function fixtureText(name: string): string {
	return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

export function fixtureJson<T = any>(name: string): T {
	return JSON.parse(fixtureText(name)) as T;
}

export const envelopeFile = (event: string) => `openapi-${event}-envelope-reconstructed.json`;
export const payloadArrayFile = (event: string) => `openapi-${event}_sample-payload-array.json`;
export const DASHBOARD_PURCHASE = 'dashboard-purchase.created-test-delivery.json';
