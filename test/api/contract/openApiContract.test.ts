import { kajabiContract } from './openApiContract';

/** The contract check itself: it must catch what breaks Kajabi's spec, not only pass. */

const contract = kajabiContract();

const CONTACT = {
	id: '456',
	type: 'contacts',
	attributes: {
		name: 'John Doe',
		email: 'john.doe@example.com',
		phone_number: null,
		subscribed: false,
		external_user_id: null,
		created_at: '2024-01-15T10:30:00Z',
		updated_at: '2024-01-15T10:30:00Z',
	},
	relationships: { site: { data: { id: '123', type: 'sites' } } },
};

const ERRORS = (status: string) => ({
	errors: [{ status, source: { pointer: '' }, title: 'Error', detail: 'Something happened' }],
});

describe('checking answers', () => {
	it('accepts the spec’s own example answer to a contact create', () => {
		const outcome = contract.validateResponse({
			method: 'POST',
			path: '/v1/contacts',
			status: 201,
			body: { data: CONTACT },
			contentType: 'application/vnd.api+json',
		});

		expect(outcome).toEqual({
			valid: true,
			operation: 'POST /v1/contacts',
			documented: true,
			errors: [],
		});
	});

	it('rejects an id sent as a number, naming the place', () => {
		const outcome = contract.validateResponse({
			method: 'GET',
			path: '/v1/contacts/456',
			status: 200,
			body: { data: { ...CONTACT, id: 456 } },
		});

		expect(outcome.valid).toBe(false);
		expect(outcome.errors[0]).toMatch(/^body\/data\/id must be string/);
	});

	it('rejects an attribute of the wrong type', () => {
		const outcome = contract.validateResponse({
			method: 'GET',
			path: '/v1/customers/8001',
			status: 200,
			body: { data: { id: '8001', type: 'customers', attributes: { sign_in_count: '14' } } },
		});

		expect(outcome.errors).toEqual([
			expect.stringMatching(/^body\/data\/attributes\/sign_in_count must be integer/),
		]);
	});

	it('rejects a status the spec does not list for the operation', () => {
		const outcome = contract.validateResponse({
			method: 'GET',
			path: '/v1/me',
			status: 404,
			body: ERRORS('404'),
		});

		expect(outcome).toMatchObject({ valid: false, documented: false });
		expect(outcome.errors).toEqual(['status 404 is not documented for GET /v1/me']);
	});

	it('reports a 429 as undocumented, and checks it carries the spec’s error document', () => {
		const wellFormed = contract.validateResponse({
			method: 'GET',
			path: '/v1/contacts',
			status: 429,
			body: ERRORS('429'),
		});
		const malformed = contract.validateResponse({
			method: 'GET',
			path: '/v1/contacts',
			status: 429,
			body: { errors: 'slow down' },
		});

		expect(wellFormed).toMatchObject({ valid: true, documented: false });
		expect(malformed.valid).toBe(false);
	});

	it('rejects a body where the spec documents none, and a missing one where it does', () => {
		const withBody = contract.validateResponse({
			method: 'DELETE',
			path: '/v1/hooks/1',
			status: 204,
			body: { data: {} },
		});
		const withoutBody = contract.validateResponse({ method: 'GET', path: '/v1/me', status: 200 });

		expect(withBody.errors).toEqual([
			'DELETE /v1/hooks/{id} 204: the spec documents no body, one was sent',
		]);
		expect(withoutBody.errors).toEqual([
			'GET /v1/me 200: the spec documents a body, none was sent',
		]);
	});

	it('rejects a content type the spec does not document for the answer', () => {
		const outcome = contract.validateResponse({
			method: 'GET',
			path: '/v1/me',
			status: 200,
			body: { data: {} },
			contentType: 'application/json; charset=utf-8',
		});

		expect(outcome.errors).toEqual([
			'GET /v1/me 200: content type application/json is not documented (application/vnd.api+json)',
		]);
	});

	it('matches literal path segments before templated ones', () => {
		expect(contract.match('GET', '/v1/hooks/purchase_sample')?.key).toBe(
			'GET /v1/hooks/purchase_sample',
		);
		expect(contract.match('GET', '/v1/hooks/12')?.key).toBe('GET /v1/hooks/{id}');
		expect(contract.match('GET', '/v1/contacts/5/relationships/tags?x=1')?.key).toBe(
			'GET /v1/contacts/{contact_id}/relationships/tags',
		);
		expect(contract.match('PUT', '/v1/contacts/5')).toBeUndefined();
	});
});

describe('checking requests', () => {
	const auth = { authorization: 'Bearer token' };

	it('accepts a contact search by site and text', () => {
		const outcome = contract.validateRequest({
			method: 'GET',
			path: '/v1/contacts?filter[site_id]=101&filter[search]=ann%40example.org&page[size]=10',
			headers: auth,
		});

		expect(outcome.errors).toEqual([]);
	});

	it('rejects filter[email], which Kajabi does not have', () => {
		const outcome = contract.validateRequest({
			method: 'GET',
			path: '/v1/contacts',
			query: { 'filter[site_id]': '101', 'filter[email]': 'ann@example.org' },
			headers: auth,
		});

		expect(outcome.errors).toEqual([
			'query parameter filter[email] is not in the spec for GET /v1/contacts',
		]);
	});

	it('rejects a page number that is not a number', () => {
		const outcome = contract.validateRequest({ method: 'GET', path: '/v1/forms?page[number]=two' });

		expect(outcome.errors).toEqual([
			expect.stringMatching(/^query\/page\[number\] must be integer/),
		]);
	});

	it('rejects a request missing a required query parameter', () => {
		const outcome = contract.validateRequest({
			method: 'GET',
			path: '/v1/kajabi_payments_payouts',
		});

		expect(outcome.errors).toEqual([
			expect.stringMatching(/must have required property 'filter\[site_id\]'/),
		]);
	});

	it('accepts a repeated array parameter', () => {
		const outcome = contract.validateRequest({
			method: 'GET',
			path: '/v1/products',
			query: { 'filter[exclude_product_types][]': ['Courses::CohortCourse', 'Community'] },
		});

		expect(outcome.errors).toEqual([]);
	});

	it('rejects a contact create without the site relationship', () => {
		const outcome = contract.validateRequest({
			method: 'POST',
			path: '/v1/contacts',
			contentType: 'application/vnd.api+json',
			body: { data: { type: 'contacts', attributes: { name: 'A', email: 'a@example.com' } } },
		});

		expect(outcome.errors).toEqual([
			expect.stringMatching(/^request body\/data must have required property 'relationships'/),
		]);
	});

	it('rejects a JSON:API body sent as application/json', () => {
		const outcome = contract.validateRequest({
			method: 'POST',
			path: '/v1/forms/2001/submit',
			contentType: 'application/json',
			body: {
				data: { type: 'form_submissions', attributes: { name: 'A', email: 'a@example.com' } },
			},
		});

		expect(outcome.errors).toEqual([
			'POST /v1/forms/{id}/submit: request content type application/json ' +
				'is not application/vnd.api+json',
		]);
	});

	it('checks a form-encoded token request as the spec describes it', () => {
		const good = contract.validateRequest({
			method: 'POST',
			path: '/v1/oauth/token',
			contentType: 'application/x-www-form-urlencoded',
			body: 'grant_type=client_credentials&client_id=a&client_secret=b',
		});
		const asJson = contract.validateRequest({
			method: 'POST',
			path: '/v1/oauth/token',
			contentType: 'application/json',
			body: { grant_type: 'client_credentials' },
		});

		expect(good.errors).toEqual([]);
		expect(asJson.valid).toBe(false);
	});

	it('needs a bearer token where the spec asks for one, and none for the version', () => {
		const withoutToken = contract.validateRequest({ method: 'GET', path: '/v1/me', headers: {} });
		const version = contract.validateRequest({ method: 'GET', path: '/v1/version', headers: {} });

		expect(withoutToken.errors).toEqual(['GET /v1/me needs an Authorization: Bearer header']);
		expect(version.errors).toEqual([]);
	});

	it('rejects a body on an operation that takes none', () => {
		const outcome = contract.validateRequest({
			method: 'GET',
			path: '/v1/me',
			contentType: 'application/vnd.api+json',
			body: { data: {} },
		});

		expect(outcome.errors).toEqual(['GET /v1/me takes no request body, one was sent']);
	});
});
