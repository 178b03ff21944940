import {
	campaignOutputs,
	formOf,
	MissingFormError,
	routeLead,
	type RouterConfig,
} from '../../nodes/KajabiCampaignRouter/rules/routeLead';

const config: RouterConfig = {
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
		expect(campaignOutputs(config.rules)).toEqual(['webinar', 'free-guide']);
	});

	it('ignores rows without a campaign', () => {
		expect(campaignOutputs([{ form: '1', campaign: ' ' }])).toEqual([]);
	});
});

describe('routing by form id', () => {
	it('sends a known form to its campaign output and says why', () => {
		expect(routeLead(leadFrom({ id: '2001', title: 'Webinar' }), config)).toEqual({
			campaign: 'webinar',
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
			routedBy: 'no campaign (form id 9999 is not in the table)',
			output: 2,
		});
	});

	it('gives an unknown form the default campaign, on fallback', () => {
		const route = routeLead(leadFrom({ id: '9999' }), { ...config, defaultCampaign: 'newsletter' });

		expect(route).toEqual({
			campaign: 'newsletter',
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
