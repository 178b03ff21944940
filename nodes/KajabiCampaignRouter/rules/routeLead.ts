/**
 * The Campaign Router's decision, kept apart from n8n: a lead (or any item of the same shape)
 * and a mapping table in, a campaign and a human-readable reason out.
 */

export type MatchFormBy = 'id' | 'title';
export type ItemsWithoutForm = 'error' | 'defaultCampaign';

export interface CampaignRule {
	form: string;
	campaign: string;
}

export interface RouterConfig {
	matchFormBy: MatchFormBy;
	rules: CampaignRule[];
	defaultCampaign: string | null;
	itemsWithoutForm: ItemsWithoutForm;
}

export interface Route {
	campaign: string | null;
	/** Which rule decided, for a person reading the execution. */
	routedBy: string;
	/** Index into `campaignOutputs(rules)`, or that list's length for the fallback output. */
	output: number;
}

export class MissingFormError extends Error {
	constructor(readonly itemDescription: string) {
		super(`The item has no form to route by (${itemDescription}).`);
		this.name = 'MissingFormError';
	}
}

/** One output per distinct campaign, in the order the table first names them. */
export function campaignOutputs(rules: CampaignRule[]): string[] {
	return [...new Set(rules.map((rule) => rule.campaign.trim()).filter(Boolean))];
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
	const outputs = campaignOutputs(config.rules);
	const fallback = outputs.length;
	const form = formOf(item);

	const toDefault = (reason: string): Route => {
		if (config.defaultCampaign === null) {
			return { campaign: null, routedBy: `no campaign (${reason})`, output: fallback };
		}
		const index = outputs.indexOf(config.defaultCampaign);
		return {
			campaign: config.defaultCampaign,
			routedBy: `default campaign (${reason})`,
			output: index === -1 ? fallback : index,
		};
	};

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
		if (rule && rule.campaign.trim()) {
			const campaign = rule.campaign.trim();
			return { campaign, routedBy: `${label} → ${campaign}`, output: outputs.indexOf(campaign) };
		}
	}

	const missing =
		key === null ? `the form has no ${config.matchFormBy}` : `${label} is not in the table`;
	return toDefault(missing);
}
