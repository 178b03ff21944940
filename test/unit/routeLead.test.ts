import {
	describeCondition,
	type Condition,
} from '../../nodes/KajabiCampaignRouter/rules/conditions';
import type { LeadEnrichment } from '../../nodes/shared/enrichment';
import {
	campaignOutputs,
	formOf,
	MissingFormError,
	routeLead,
	type RouterConfig,
} from '../../nodes/KajabiCampaignRouter/rules/routeLead';

const config: RouterConfig = {
	conditions: [],
	matchFormBy: 'id',
	rules: [
		{ form: '2001', campaign: 'webinar' },
		{ form: '2002', campaign: 'free-guide' },
		{ form: ' 2003 ', campaign: 'free-guide ' },
	],
	defaultCampaign: null,
	itemsWithoutForm: 'error',
};

const leadFrom = (form: unknown, extra: Record<string, unknown> = {}) => ({
	event: 'form_submission',
	form,
	...extra,
});

describe('campaign outputs', () => {
	it('has one output per distinct campaign, in table order', () => {
		expect(campaignOutputs(config)).toEqual(['webinar', 'free-guide']);
	});

	it('ignores rows without a campaign', () => {
		expect(campaignOutputs({ conditions: [], rules: [{ form: '1', campaign: ' ' }] })).toEqual([]);
	});
});

describe('routing by form id', () => {
	it('sends a known form to its campaign output and says why', () => {
		expect(routeLead(leadFrom({ id: '2001', title: 'Webinar' }), config)).toEqual({
			campaign: 'webinar',
			priority: null,
			routedBy: 'form id 2001 → webinar',
			output: 0,
		});
	});

	it('lets several forms share a campaign, trimming spaces in the table', () => {
		expect(routeLead(leadFrom({ id: '2003', title: null }), config)).toMatchObject({
			campaign: 'free-guide',
			output: 1,
		});
	});

	it('matches ids given as numbers', () => {
		expect(routeLead(leadFrom({ id: 2002 }), config).campaign).toBe('free-guide');
	});

	it('sends an unknown form to the fallback output with no campaign', () => {
		expect(routeLead(leadFrom({ id: '9999', title: 'Other' }), config)).toEqual({
			campaign: null,
			priority: null,
			routedBy: 'no campaign (form id 9999 is not in the table)',
			output: 2,
		});
	});

	it('gives an unknown form the default campaign, on fallback', () => {
		const route = routeLead(leadFrom({ id: '9999' }), { ...config, defaultCampaign: 'newsletter' });

		expect(route).toEqual({
			campaign: 'newsletter',
			priority: null,
			routedBy: 'default campaign (form id 9999 is not in the table)',
			output: 2,
		});
	});

	it("uses the default campaign's own output when the table has it", () => {
		const route = routeLead(leadFrom({ id: '9999' }), { ...config, defaultCampaign: 'webinar' });

		expect(route.output).toBe(0);
	});
});

describe('routing by form title', () => {
	const byTitle: RouterConfig = {
		...config,
		matchFormBy: 'title',
		rules: [{ form: 'Webinar Signup', campaign: 'webinar' }],
	};

	it('ignores case', () => {
		expect(routeLead(leadFrom({ id: '1', title: 'webinar SIGNUP' }), byTitle)).toMatchObject({
			campaign: 'webinar',
			routedBy: 'form "webinar SIGNUP" → webinar',
		});
	});

	it('does not match on id when matching by title', () => {
		const route = routeLead(leadFrom({ id: 'Webinar Signup', title: null }), byTitle);

		expect(route).toMatchObject({
			campaign: null,
			routedBy: 'no campaign (the form has no title)',
		});
	});
});

describe('items without a form', () => {
	it('is an error by default, naming the event', () => {
		expect(() => routeLead({ event: 'purchase', form: null }, config)).toThrow(MissingFormError);
		expect(() => routeLead({ event: 'purchase', form: null }, config)).toThrow(
			'The item has no form to route by (event purchase).',
		);
	});

	it('goes to the default campaign when asked', () => {
		const route = routeLead(
			{ event: 'purchase', form: null },
			{ ...config, defaultCampaign: 'newsletter', itemsWithoutForm: 'defaultCampaign' },
		);

		expect(route).toMatchObject({
			campaign: 'newsletter',
			routedBy: 'default campaign (no form: event purchase)',
		});
	});
});

describe('items from elsewhere', () => {
	it('reads formId, form_id and formTitle', () => {
		expect(formOf({ formId: 5 })).toEqual({ id: '5', title: null });
		expect(formOf({ form_id: '6', form_title: 'T' })).toEqual({ id: '6', title: 'T' });
		expect(formOf({ formTitle: 'Only title' })).toEqual({ id: null, title: 'Only title' });
		expect(formOf({ form: 'not an object' })).toBeNull();
	});
});

describe('conditions checked before the form table', () => {
	const condition = (overrides: Partial<Condition>): Condition => ({
		kind: 'customerStatus',
		customerStatus: 'customer',
		tag: '',
		threshold: 3,
		campaign: '',
		priority: '',
		...overrides,
	});
	const enriched = (overrides: Partial<LeadEnrichment>) => ({
		status: 'enriched',
		customerStatus: 'lead',
		engagementScore: 0,
		tags: [],
		...overrides,
	});
	const smart: RouterConfig = {
		...config,
		defaultCampaign: 'newsletter',
		itemsWithoutForm: 'defaultCampaign',
		conditions: [
			condition({ kind: 'customerStatus', customerStatus: 'customer', campaign: 'upsell' }),
			condition({ kind: 'engagementAtLeast', threshold: 2, priority: 'high' }),
			condition({ kind: 'lacksTag', tag: 'Newsletter', campaign: 'nurture' }),
		],
	};

	it("adds the conditions' campaigns to the outputs, before the table's", () => {
		expect(campaignOutputs(smart)).toEqual(['upsell', 'nurture', 'webinar', 'free-guide']);
	});

	it('sends customers to the upsell campaign whatever form they used', () => {
		const item = leadFrom(
			{ id: '2001' },
			{
				enrichment: enriched({
					customerStatus: 'customer',
					tags: [{ id: '1', name: 'Newsletter' }],
				}),
			},
		);

		expect(routeLead(item, smart)).toEqual({
			campaign: 'upsell',
			priority: null,
			routedBy: 'rule 1: customer status is customer → upsell',
			output: 0,
		});
	});

	it('sets the priority from an engagement rule and goes on to the form table', () => {
		const item = leadFrom(
			{ id: '2001' },
			{ enrichment: enriched({ engagementScore: 2, tags: [{ id: '1', name: 'newsletter' }] }) },
		);

		expect(routeLead(item, smart)).toEqual({
			campaign: 'webinar',
			priority: 'high',
			routedBy: 'form id 2001 → webinar; priority high (rule 2: engagement score ≥ 2)',
			output: 2,
		});
	});

	it('knows a tag is missing only from an enriched profile, matching names in any case', () => {
		const lacking = leadFrom(
			{ id: '2002' },
			{ enrichment: enriched({ tags: [{ id: '5', name: 'VIP' }] }) },
		);
		const unenriched = leadFrom({ id: '2002' }, { tags: [] });

		expect(routeLead(lacking, smart).campaign).toBe('nurture');
		expect(routeLead(unenriched, smart)).toMatchObject({
			campaign: 'free-guide',
			routedBy: 'form id 2002 → free-guide',
		});
	});

	it('routes items whose enrichment was skipped on what the delivery carried', () => {
		const item = leadFrom(
			{ id: '2001' },
			{ enrichment: { status: 'skipped', reason: 'no API access', customerStatus: 'customer' } },
		);

		expect(routeLead(item, smart).routedBy).toBe('form id 2001 → webinar');
	});

	it('matches Has Tag on the tags a delivery carries, by id or by name', () => {
		const vip: RouterConfig = {
			...config,
			conditions: [condition({ kind: 'hasTag', tag: 'vip', campaign: 'vip-care' })],
		};

		const byName = {
			event: 'tag_added',
			form: null,
			tags: [{ id: '9', name: 'VIP' }],
			tagIds: ['9'],
		};
		const byId = { event: 'form_submission', form: { id: '2001' }, tags: [], tagIds: ['vip'] };

		expect(routeLead(byName, vip)).toMatchObject({ campaign: 'vip-care', output: 0 });
		expect(routeLead(byId, vip)).toMatchObject({ campaign: 'vip-care' });
	});

	it('needs no form when a condition decides', () => {
		const item = {
			event: 'purchase',
			form: null,
			enrichment: enriched({ customerStatus: 'customer' }),
		};

		expect(routeLead(item, { ...smart, itemsWithoutForm: 'error' }).campaign).toBe('upsell');
	});

	it('describes each condition in words', () => {
		expect(
			describeCondition(condition({ kind: 'customerStatus', customerStatus: 'former_customer' })),
		).toBe('customer status is former customer');
		expect(describeCondition(condition({ kind: 'hasTag', tag: ' VIP ' }))).toBe('has tag "VIP"');
		expect(describeCondition(condition({ kind: 'lacksTag', tag: 'Paid' }))).toBe(
			'lacks tag "Paid"',
		);
		expect(describeCondition(condition({ kind: 'engagementAtLeast', threshold: 4 }))).toBe(
			'engagement score ≥ 4',
		);
	});
});
