import type { CustomerStatus, LeadEnrichment } from '../../shared/enrichment';

/**
 * Conditions checked before the form table: who the person already is. They read the
 * `enrichment` the Kajabi node's Enrich Lead operation adds; without it, only what the delivery
 * itself carried (its tags) can match, and the rest are passed over.
 */

export type ConditionKind = 'customerStatus' | 'hasTag' | 'lacksTag' | 'engagementAtLeast';

export interface Condition {
	kind: ConditionKind;
	customerStatus: CustomerStatus;
	tag: string;
	threshold: number;
	/** Empty: the condition only sets a priority and routing goes on. */
	campaign: string;
	/** Empty: the condition sets no priority. */
	priority: string;
}

const STATUS_WORDS: Record<CustomerStatus, string> = {
	lead: 'lead',
	customer: 'customer',
	former_customer: 'former customer',
};

export function describeCondition(condition: Condition): string {
	switch (condition.kind) {
		case 'customerStatus':
			return `customer status is ${STATUS_WORDS[condition.customerStatus]}`;
		case 'hasTag':
			return `has tag "${condition.tag.trim()}"`;
		case 'lacksTag':
			return `lacks tag "${condition.tag.trim()}"`;
		case 'engagementAtLeast':
			return `engagement score ≥ ${condition.threshold}`;
	}
}

function enrichmentOf(item: Record<string, unknown>): LeadEnrichment | null {
	const enrichment = item.enrichment as LeadEnrichment | undefined;
	return enrichment?.status === 'enriched' ? enrichment : null;
}

interface TagLike {
	id?: unknown;
	name?: unknown;
}

/** Tags by id and by lower-cased name: the enrichment's when there is one, else the delivery's. */
function knownTags(item: Record<string, unknown>, enrichment: LeadEnrichment | null): Set<string> {
	const tags: TagLike[] = enrichment
		? enrichment.tags
		: [
				...(Array.isArray(item.tags) ? (item.tags as TagLike[]) : []),
				...(Array.isArray(item.tagIds) ? item.tagIds.map((id) => ({ id })) : []),
			];
	const keys = new Set<string>();
	for (const tag of tags) {
		if (tag === null || typeof tag !== 'object') continue;
		if (typeof tag.id === 'string' || typeof tag.id === 'number') keys.add(String(tag.id));
		if (typeof tag.name === 'string') keys.add(tag.name.trim().toLowerCase());
	}
	return keys;
}

const hasTag = (tags: Set<string>, tag: string) =>
	tags.has(tag.trim()) || tags.has(tag.trim().toLowerCase());

export function conditionMatches(condition: Condition, item: Record<string, unknown>): boolean {
	const enrichment = enrichmentOf(item);

	switch (condition.kind) {
		case 'customerStatus':
			return enrichment?.customerStatus === condition.customerStatus;
		case 'hasTag':
			return condition.tag.trim() !== '' && hasTag(knownTags(item, enrichment), condition.tag);
		case 'lacksTag':
			// Absence is only known from the full profile, not from one delivery.
			return (
				enrichment !== null &&
				condition.tag.trim() !== '' &&
				!hasTag(knownTags(item, enrichment), condition.tag)
			);
		case 'engagementAtLeast':
			return (
				typeof enrichment?.engagementScore === 'number' &&
				enrichment.engagementScore >= condition.threshold
			);
	}
}
