import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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

/**
 * The node's static data, where n8n offers it. n8n saves it after production executions of an
 * active workflow only; in a manual run it lasts that run.
 */
function staticStore(context: IExecuteFunctions): Record<string, unknown> | undefined {
	try {
		return context.getWorkflowStaticData('node') as IDataObject;
	} catch {
		return undefined;
	}
}

export function enrichmentSession(
	this: IExecuteFunctions,
	nameCacheMinutes: number,
): EnrichmentSession {
	const known = sessions.get(this);
	if (known) return known;

	const session: EnrichmentSession = {
		names: new NameCache({
			store: staticStore(this),
			lifetimeMs: Math.max(0, nameCacheMinutes) * MINUTE_MS,
			now: () => Date.now(),
		}),
		gate: new FailureGate(),
		credentialId: this.getNode().credentials?.kajabiOAuth2Api?.id ?? '',
	};
	sessions.set(this, session);
	return session;
}
