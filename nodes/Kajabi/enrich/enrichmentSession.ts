import type { IExecuteFunctions } from 'n8n-workflow';

import { FailureGate } from './failureGate';
import { NameCache } from './nameCache';

/**
 * What the leads of one execution share: the name cache and the failure gate. The router calls
 * the operation once per item with the same context object, so the context keys the session
 * and the session ends with the execution.
 */
export interface EnrichmentSession {
	names: NameCache;
	gate: FailureGate;
	/** Scopes stored names to the credential, so two Kajabi accounts never share them. */
	credentialId: string;
}

const sessions = new WeakMap<object, EnrichmentSession>();

const MINUTE_MS = 60_000;

const storedNames = new Map<string, Record<string, unknown>>();

/**
 * Names kept between executions, per Kajabi node, in this n8n process. Not in the workflow's
 * static data: n8n saves static data whole after an execution, from the copy the execution
 * started with, and in queue mode a worker starts with an empty one, so saving names there
 * would wipe what the Kajabi Trigger keeps in it (its hooks, its recent deliveries).
 */
function nameStore(context: IExecuteFunctions): Record<string, unknown> | undefined {
	// A manual run keeps its names for that run only, as it did when they lived in static data.
	if (context.getMode() === 'manual') return undefined;

	const node = context.getNode();
	const key = `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	let store = storedNames.get(key);
	if (!store) {
		store = {};
		storedNames.set(key, store);
	}
	return store;
}

/** The stores of this process by workflow and node, for tests. */
export function nameStores(): ReadonlyMap<string, Record<string, unknown>> {
	return storedNames;
}

/** Forgets every stored name list in this process (tests start from nothing). */
export function forgetStoredNames(): void {
	storedNames.clear();
}

export function enrichmentSession(
	this: IExecuteFunctions,
	nameCacheMinutes: number,
): EnrichmentSession {
	const known = sessions.get(this);
	if (known) return known;

	const session: EnrichmentSession = {
		names: new NameCache({
			store: nameStore(this),
			lifetimeMs: Math.max(0, nameCacheMinutes) * MINUTE_MS,
			now: () => Date.now(),
		}),
		gate: new FailureGate(),
		credentialId: this.getNode().credentials?.kajabiOAuth2Api?.id ?? '',
	};
	sessions.set(this, session);
	return session;
}
