import type { EventType } from '../../shared/lead';

/** A Kajabi API hook as `GET /v1/hooks` lists it. */
export interface ExistingHook {
	id: string;
	event: string;
	targetUrl: string;
	resourceId: string | null;
}

export interface WantedHooks {
	targetUrl: string;
	siteId: string;
	events: EventType[];
	/** The one tag or form an event's hook is limited to, when the user chose one. */
	resourceIdFor: (event: EventType) => string | null;
}

export interface HookPlan {
	/** Hooks already in Kajabi for this URL and event: taken over, never created twice. */
	adopt: Map<EventType, string>;
	create: EventType[];
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export function hookServes(hook: ExistingHook, wanted: WantedHooks, event: EventType): boolean {
	return (
		hook.event === event &&
		sameUrl(hook.targetUrl, wanted.targetUrl) &&
		(hook.resourceId ?? null) === wanted.resourceIdFor(event)
	);
}

/**
 * Which of the wanted hooks Kajabi already has and which must be created. Kajabi is asked
 * every time, so a restart, a lost static data or a second publish never leaves two hooks.
 */
export function planHooks(existing: ExistingHook[], wanted: WantedHooks): HookPlan {
	const adopt = new Map<EventType, string>();
	const create: EventType[] = [];

	for (const event of wanted.events) {
		const found = existing.find((hook) => hookServes(hook, wanted, event));
		if (found) adopt.set(event, found.id);
		else create.push(event);
	}
	return { adopt, create };
}
