import { readFileSync } from 'fs';
import { join } from 'path';

import { EVENT_TYPES } from '../../nodes/shared/lead';

export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'kajabi');

/** Kajabi's six API hook events, each with a sample envelope and payload array. */
export const API_EVENTS = EVENT_TYPES;

export function fixtureText(name: string): string {
	return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

export function fixtureJson<T = any>(name: string): T {
	return JSON.parse(fixtureText(name)) as T;
}

export const envelopeFile = (event: string) => `openapi-${event}-envelope-reconstructed.json`;
export const payloadArrayFile = (event: string) => `openapi-${event}_sample-payload-array.json`;
export const DASHBOARD_PURCHASE = 'dashboard-purchase.created-test-delivery.json';
