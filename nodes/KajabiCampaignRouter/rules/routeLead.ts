import { conditionMatches, describeCondition, type Condition } from './conditions';

/**
 * The Campaign Router's decision, kept apart from n8n: a lead (or any item of the same shape),
 * the conditions checked first, and the form table in; a campaign, a priority and a
 * human-readable reason out.
 */

export type MatchFormBy = 'id' | 'title';
export type ItemsWithoutForm = 'error' | 'defaultCampaign';

export interface CampaignRule {
	form: string;
	campaign: string;
}

export interface RouterConfig {
	/** Checked in order before the form table; the first with a campaign decides. */
	conditions: Condition[];
	matchFormBy: MatchFormBy;
	rules: CampaignRule[];
	defaultCampaign: string | null;
	itemsWithoutForm: ItemsWithoutForm;
}

export interface Route {
	campaign: string | null;
	/** Set by the first matching condition that names one. */
	priority: string | null;
	/** Which rule decided, for a person reading the execution. */
	routedBy: string;
	/** Index into `campaignOutputs(config)`, or that list's length for the fallback output. */
	output: number;
}

export class MissingFormError extends Error {
	constructor(readonly itemDescription: string) {
		super(`The item has no form to route by (${itemDescription}).`);
		this.name = 'MissingFormError';
	}
}

/** One output per distinct campaign, in the order the conditions, then the table, name them. */
export function campaignOutputs(config: Pick<RouterConfig, 'conditions' | 'rules'>): string[] {
	const named = [...config.conditions, ...config.rules].map((entry) => entry.campaign.trim());
	return [...new Set(named.filter(Boolean))];
}

interface FormKey {
	id: string | null;
	title: string | null;
}

function text(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** `form.id` / `form.title` on the Trigger's items; `formId`, `form_id`... on others. */
export function formOf(item: Record<string, unknown>): FormKey | null {
	const form = item.form;
	const nested = typeof form === 'object' && form !== null ? (form as Record<string, unknown>) : {};
	const id = text(nested.id) ?? text(item.formId) ?? text(item.form_id);
	const title = text(nested.title) ?? text(item.formTitle) ?? text(item.form_title);
	return id === null && title === null ? null : { id, title };
}

const sameTitle = (a: string, b: string) =>
	a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function routeLead(item: Record<string, unknown>, config: RouterConfig): Route {
	const outputs = campaignOutputs(config);
	let priority: { value: string; reason: string } | null = null;

	const decide = (campaign: string | null, reason: string): Route => {
		const index = campaign === null ? -1 : outputs.indexOf(campaign);
		const withPriority = priority
			? `${reason}; priority ${priority.value} (${priority.reason})`
			: reason;
		return {
			campaign,
			priority: priority?.value ?? null,
			routedBy: withPriority,
			output: index === -1 ? outputs.length : index,
		};
	};

	for (const [index, condition] of config.conditions.entries()) {
		if (!conditionMatches(condition, item)) continue;

		const reason = `rule ${index + 1}: ${describeCondition(condition)}`;
		if (priority === null && condition.priority.trim()) {
			priority = { value: condition.priority.trim(), reason };
		}
		const campaign = condition.campaign.trim();
		if (campaign) return decide(campaign, `${reason} → ${campaign}`);
	}

	const toDefault = (reason: string): Route =>
		config.defaultCampaign === null
			? decide(null, `no campaign (${reason})`)
			: decide(config.defaultCampaign, `default campaign (${reason})`);

	const form = formOf(item);
	if (form === null) {
		const event = text(item.event);
		const description = event ? `event ${event}` : 'no form field';
		if (config.itemsWithoutForm === 'error') throw new MissingFormError(description);
		return toDefault(`no form: ${description}`);
	}

	const key = config.matchFormBy === 'id' ? form.id : form.title;
	const label = config.matchFormBy === 'id' ? `form id ${form.id}` : `form "${form.title}"`;
	if (key !== null) {
		const rule = config.rules.find((candidate) =>
			config.matchFormBy === 'id'
				? candidate.form.trim() === key
				: sameTitle(candidate.form.trim(), key),
		);
		const campaign = rule?.campaign.trim();
		if (campaign) return decide(campaign, `${label} → ${campaign}`);
	}

	return toDefault(
		key === null ? `the form has no ${config.matchFormBy}` : `${label} is not in the table`,
	);
}
