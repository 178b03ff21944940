import { fixtureJson, payloadArrayFile } from '../../helpers/fixtures';
import type { ContractResult } from './openApiContract';
import { KNOWN_SPEC_DEFECTS, OpenApiContract, loadKajabiSpec, patchSpec } from './openApiContract';
import { operationAt } from './openApiSpec';

/**
 * Every patch in specDefects.ts must still be needed: Kajabi's published spec still has the
 * defect, and without the patch something the spec itself shows (its own sample or example,
 * or an answer the API must give) fails validation.
 */

type Evidence = (contract: OpenApiContract) => ContractResult;

const ERROR_404 = {
	errors: [
		{
			status: '404',
			source: { pointer: '' },
			title: 'Not Found',
			detail: 'contact 1 does not exist',
		},
	],
};

// For each defect, something the spec itself shows, which fails without the patch.
const EVIDENCE: Record<string, Evidence> = {
	// The spec's "Using Multiple Parameters Together" example for GET /v1/forms/{id}.
	'form-webhook-url-type': (contract) =>
		contract.validateResponse({
			method: 'GET',
			path: '/v1/forms/123',
			status: 200,
			body: {
				data: {
					id: '123',
					type: 'forms',
					attributes: { title: 'Contact Form A', webhook_url: 'https://example.com/webhook' },
					relationships: {},
				},
			},
		}),
	// The spec's "Example request targeting a specific tag" for POST /v1/hooks.
	'hook-resource-id-string': (contract) =>
		contract.validateRequest({
			method: 'POST',
			path: '/v1/hooks',
			contentType: 'application/vnd.api+json',
			body: {
				data: {
					type: 'hooks',
					attributes: {
						target_url: 'https://example.com/webhook',
						event: 'tag_added',
						resource_id: '123',
					},
					relationships: { site: { data: { id: '456', type: 'sites' } } },
				},
			},
		}),
	'podcast-page-links-null': (contract) =>
		contract.validateResponse({
			method: 'GET',
			path: '/v1/podcasts',
			status: 200,
			body: {
				data: [],
				links: {
					self: 'https://api.kajabi.com/v1/podcasts',
					first: 'x',
					prev: null,
					next: null,
					last: 'x',
				},
				meta: { total_pages: 1, total_count: 0, current_page: 1 },
			},
		}),
	'transaction-offer-null': (contract) =>
		contract.validateResponse({
			method: 'GET',
			path: '/v1/transactions/9505',
			status: 200,
			body: {
				data: {
					id: '9505',
					type: 'transactions',
					attributes: { action: 'charge', amount_in_cents: 54600 },
					relationships: {
						offer: { data: null },
						purchases: { data: [{ id: '9006', type: 'purchases' }] },
					},
				},
			},
		}),
	// The spec's own purchase sample, for an offer that has a product.
	'purchase-sample-products-type': (contract) => {
		const payload = fixtureJson(payloadArrayFile('purchase'));
		payload[0].relationships.products.data = [{ id: '6001', type: 'products' }];
		return contract.validateResponse({
			method: 'GET',
			path: '/v1/hooks/purchase_sample',
			status: 200,
			body: payload,
		});
	},
	'site-filter-undeclared': (contract) =>
		contract.validateRequest({ method: 'GET', path: '/v1/blog_posts?filter[site_id]=123' }),
	// The spec's example answer for GET /v1/kajabi_payments_payouts.
	'payouts-without-schema': (contract) =>
		contract.validateResponse({
			method: 'GET',
			path: '/v1/kajabi_payments_payouts',
			status: 200,
			body: {
				data: [
					{
						id: 'payout_abc123',
						type: 'kajabi_payments_payouts',
						attributes: {
							status: 'Paid',
							amount: 1500.0,
							currency: 'USD',
							initiated_date: '2024-01-10T10:00:00.000Z',
							estimated_arrival_date: '2024-01-17T10:00:00.000Z',
							bank_account: 'Chase Bank - 1234',
						},
					},
				],
			},
		}),
	'missing-error-responses': (contract) =>
		contract.validateResponse({
			method: 'GET',
			path: '/v1/contacts/1',
			status: 404,
			body: ERROR_404,
		}),
};

const patched = new OpenApiContract(patchSpec(loadKajabiSpec()));

function withoutPatch(id: string): OpenApiContract {
	return new OpenApiContract(patchSpec(loadKajabiSpec(), { except: [id] }));
}

describe('known defects of Kajabi’s spec', () => {
	it.each(KNOWN_SPEC_DEFECTS.map((defect) => [defect.id, defect]))(
		'%s is still in the spec Kajabi publishes',
		(_id, defect) => {
			expect(defect.presentIn(loadKajabiSpec())).toBe(true);
		},
	);

	it.each(KNOWN_SPEC_DEFECTS.map((defect) => [defect.id, defect]))(
		'%s is gone once the patches are applied',
		(_id, defect) => {
			expect(defect.presentIn(patchSpec(loadKajabiSpec()))).toBe(false);
		},
	);

	it.each(KNOWN_SPEC_DEFECTS.map((defect) => [defect.id, defect.reason]))(
		'%s gives its reason in one line',
		(_id, reason) => {
			expect(reason.length).toBeGreaterThan(40);
			expect(reason).not.toContain('\n');
		},
	);

	it.each(Object.entries(EVIDENCE))(
		'%s: what the spec itself shows fails without the patch and passes with it',
		(id, evidence) => {
			const unpatched = evidence(withoutPatch(id));
			const fixed = evidence(patched);

			expect(unpatched.valid).toBe(false);
			expect(fixed.errors).toEqual([]);
		},
	);

	it('has evidence for every defect but the duplicates, which no validator sees', () => {
		const ids = KNOWN_SPEC_DEFECTS.map((defect) => defect.id);

		expect(ids.filter((id) => !(id in EVIDENCE))).toEqual(['customer-show-duplicate-parameters']);
	});

	it('finds `include` six times on GET /v1/customers/{id}, which OpenAPI forbids', () => {
		const operation = operationAt(loadKajabiSpec(), 'get', '/v1/customers/{id}');
		const includes = operation?.parameters?.filter((parameter) => parameter.name === 'include');

		expect(includes).toHaveLength(6);
	});

	it('reads the spec’s OpenAPI 3.0 `nullable: true` as allowing null', () => {
		const unpatched = new OpenApiContract(loadKajabiSpec());
		const sample = fixtureJson(payloadArrayFile('payment_succeeded'));

		const outcome = unpatched.validateResponse({
			method: 'GET',
			path: '/v1/hooks/payment_succeeded_sample',
			status: 200,
			body: sample,
		});

		expect(sample[0].relationships.offer.data).toBeNull();
		expect(sample[1].attributes.socials).toBeNull();
		expect(outcome.errors).toEqual([]);
	});
});
