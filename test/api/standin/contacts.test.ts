import { createKajabiStandIn } from '../../../scripts/kajabi-stand-in';
import type { KajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { KajabiTestClient } from './kajabiTestClient';

let standIn: KajabiStandIn;
let api: KajabiTestClient;

beforeAll(async () => {
	standIn = await createKajabiStandIn();
	api = new KajabiTestClient(standIn.url);
	await api.authenticate();
});

afterAll(async () => {
	await standIn.close();
});

const SITE = '101';

function contactBody(attributes: Record<string, unknown>, siteId: string | null = SITE) {
	const data: Record<string, unknown> = { type: 'contacts', attributes };
	if (siteId) data.relationships = { site: { data: { type: 'sites', id: siteId } } };
	return { data };
}

function names(response: any): string[] {
	return response.body.data.map((contact: any) => contact.attributes.name);
}

describe('paging through contacts', () => {
	it('visits every contact once by following links.next, null on the last page', async () => {
		const pages = await api.allPages('/v1/contacts', { 'filter[site_id]': SITE, 'page[size]': 10 });
		const ids = pages.flatMap((page) => page.data.map((contact: any) => contact.id));

		expect(pages.map((page) => page.data.length)).toEqual([10, 10, 4]);
		expect(new Set(ids).size).toBe(24);
		expect(pages.map((page) => page.meta.current_page)).toEqual([1, 2, 3]);
		expect(pages[2].links.next).toBeNull();
		expect(pages[0].links.prev).toBeNull();
		expect(pages[0].links.next).toBe(
			`${standIn.url}/v1/contacts?filter[site_id]=${SITE}&page[number]=2&page[size]=10`,
		);
	});

	it('answers an empty page past the last one, with next null', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'page[number]': 9, 'page[size]': 10 },
		});

		expect(response.body.data).toEqual([]);
		expect(response.body.links.next).toBeNull();
		expect(response.body.meta).toEqual({ total_pages: 3, total_count: 24, current_page: 9 });
	});

	it('caps page[size] at 100', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'page[size]': 500 },
		});

		expect(response.body.data).toHaveLength(24);
		expect(response.body.links.self).toContain('page[size]=100');
	});

	it('answers 400 without filter[site_id], required on a two-site account', async () => {
		const response = await api.get('/v1/contacts');

		expect(response.status).toBe(400);
		expect(response.body.errors[0].detail).toBe(
			'filter[site_id] is required when the account has more than one site',
		);
	});
});

describe('finding a contact by email', () => {
	it('filter[search] matches name or email, case-insensitively, as a substring', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'filter[search]': 'SMITH', sort: 'name' },
		});

		expect(names(response)).toEqual(['Daniel Smithers', 'Grace Smith', 'Olivia Chen']);
	});

	it('filter[search] for an email also returns longer addresses that contain it', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'filter[search]': 'ann@example.org', sort: 'email' },
		});

		expect(response.body.data.map((contact: any) => contact.attributes.email)).toEqual([
			'ann@example.org',
			'joann@example.org',
		]);
	});

	it('filter[search] keeps each contact’s email as it was written', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'filter[search]': 'ava.martinez@example.com' },
		});

		expect(
			response.body.data.map((contact: any) => [contact.id, contact.attributes.email]),
		).toEqual([['5001', 'Ava.Martinez@Example.com']]);
	});

	it('filter[email_contains] looks at the email only', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'filter[email_contains]': 'SMITH' },
		});

		expect(names(response)).toEqual(['Olivia Chen', 'Grace Smith']);
	});

	it('stays inside the site: the same person on the other site is a different contact', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': '102', 'filter[search]': 'ava.martinez' },
		});

		expect(response.body.data.map((contact: any) => contact.id)).toEqual(['5028']);
	});

	it('has no filter[email]: the request breaks the spec and the list is not narrowed', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': '102', 'filter[email]': 'nora.patel@example.com' },
			breaksSpec: true,
		});

		expect(response.request.errors).toEqual([
			'query parameter filter[email] is not in the spec for GET /v1/contacts',
		]);
		expect(response.body.meta.total_count).toBe(6);
	});
});

describe('sorting and sparse fields', () => {
	it('sorts by name ascending and by email descending', async () => {
		const byName = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': '102', sort: 'name' },
		});
		const byEmail = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': '102', sort: '-email' },
		});

		expect(names(byName)).toEqual([
			'Ava Martinez',
			'Felix Becker',
			'Lily Evans',
			'Nora Patel',
			'Ruby Scott',
			'Theo Nguyen',
		]);
		expect(byEmail.body.data[0].attributes.email).toBe('theo.nguyen@example.net');
	});

	it('returns only the attributes named in fields[contacts]', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': '102', 'fields[contacts]': 'name,email', 'page[size]': 1 },
		});

		expect(response.body.data[0].attributes).toEqual({
			name: 'Lily Evans',
			email: 'lily.evans@example.com',
		});
	});

	it('filters by tag', async () => {
		const response = await api.get('/v1/contacts', {
			query: { 'filter[site_id]': SITE, 'filter[has_tag_id]': '3004' },
		});

		expect(names(response)).toEqual(['Ava Martinez']);
	});
});

describe('creating a contact', () => {
	it('answers 400 without the site relationship, pointing at it', async () => {
		const response = await api.post('/v1/contacts', {
			body: contactBody({ name: 'No Site', email: 'no.site@example.com' }, null),
			breaksSpec: true,
		});

		expect(response.status).toBe(400);
		expect(response.body.errors[0]).toEqual({
			status: '400',
			source: { pointer: '/data/relationships/site' },
			title: 'Bad Request',
			detail: 'Site relationship is required',
		});
	});

	it('answers 422 for external_user_id, which a new contact cannot have', async () => {
		const response = await api.post('/v1/contacts', {
			body: contactBody({ name: 'Ext', email: 'ext@example.com', external_user_id: 'crm-9' }),
		});

		expect(response.status).toBe(422);
		expect(response.body.errors[0].source.pointer).toBe('/data/attributes/external_user_id');
	});

	it('answers 422 for an invalid email or one the site has, in any case', async () => {
		const invalid = await api.post('/v1/contacts', {
			body: contactBody({ name: 'Bad', email: 'not-an-email' }),
		});
		const taken = await api.post('/v1/contacts', {
			body: contactBody({ name: 'Copy', email: 'ava.martinez@EXAMPLE.com' }),
		});
		const otherSite = await api.post('/v1/contacts', {
			body: contactBody({ name: 'Ava Martinez', email: 'Ava.Martinez@Example.com' }, '102'),
		});

		expect(invalid.status).toBe(422);
		expect(taken.body.errors[0].detail).toBe('email has already been taken');
		expect(otherSite.status).toBe(422);
		expect(otherSite.body.errors[0].detail).toBe('email has already been taken');
	});

	it('accepts the custom fields its site defines and refuses others', async () => {
		const known = await api.post('/v1/contacts', {
			body: contactBody({
				name: 'Cus Tom',
				email: 'cus.tom@example.com',
				custom_3: 'Launch a course',
			}),
		});
		const unknown = await api.post('/v1/contacts', {
			body: contactBody({ name: 'Cus Tom', email: 'cus.tom2@example.com', custom_3: 'x' }, '102'),
		});

		expect(known.body.data.attributes).toMatchObject({
			custom_1: null,
			custom_3: 'Launch a course',
		});
		expect(unknown.status).toBe(422);
		expect(unknown.body.errors[0].detail).toBe(
			'custom_3 is not an attribute of contacts on this site',
		);
	});
});

describe('reading, updating and deleting one contact', () => {
	it('answers 404 for an unknown id on show, update and delete', async () => {
		const shown = await api.get('/v1/contacts/999999');
		const updated = await api.patch('/v1/contacts/999999', {
			body: { data: { type: 'contacts', id: '999999', attributes: { name: 'X' } } },
		});
		const deleted = await api.delete('/v1/contacts/999999');

		expect([shown.status, updated.status, deleted.status]).toEqual([404, 404, 404]);
		expect(shown.body.errors[0].detail).toBe('contact 999999 does not exist');
	});

	it('shows a non-customer with an empty customer link and no customer', async () => {
		const response = await api.get('/v1/contacts/5012', { query: { include: 'customer,tags' } });

		expect(response.body.data.links).toEqual({ customer: '' });
		expect(response.body.data.relationships.customer).toBeUndefined();
		expect(response.body.included).toEqual([
			{
				id: '3005',
				type: 'contact_tags',
				attributes: { name: 'Newsletter' },
				relationships: { site: { data: { id: SITE, type: 'sites' } } },
			},
		]);
	});

	it('sets external_user_id only on a customer’s contact, and on the customer', async () => {
		const notCustomer = await api.patch('/v1/contacts/5012', {
			body: { data: { type: 'contacts', id: '5012', attributes: { external_user_id: 'crm-12' } } },
		});
		const customer = await api.patch('/v1/contacts/5002', {
			body: { data: { type: 'contacts', id: '5002', attributes: { external_user_id: 'crm-2' } } },
		});
		const record = await api.get('/v1/customers/8002');

		expect(notCustomer.status).toBe(422);
		expect(customer.body.data.attributes.external_user_id).toBe('crm-2');
		expect(record.body.data.attributes.external_user_id).toBe('crm-2');
	});

	it('answers 422 when data.id differs from the contact in the path', async () => {
		const response = await api.patch('/v1/contacts/5002', {
			body: { data: { type: 'contacts', id: '5003', attributes: { name: 'Wrong' } } },
		});

		expect(response.status).toBe(422);
		expect(response.body.errors[0].source.pointer).toBe('/data/id');
	});

	it('will not delete a contact with a live subscription until it is cancelled', async () => {
		const refused = await api.delete('/v1/contacts/5003');
		await api.post('/v1/purchases/9004/cancel_subscription');
		const deleted = await api.delete('/v1/contacts/5003');

		expect(refused.status).toBe(422);
		expect(refused.body.errors[0].detail).toBe('Contact has active Kajabi Payments subscriptions');
		expect(deleted.status).toBe(200);
		expect(deleted.body).toEqual({ data: {} });
		expect((await api.get('/v1/customers/8003')).status).toBe(404);
	});
});

describe('a contact’s tags', () => {
	const path = '/v1/contacts/5016/relationships/tags';

	it('answers 404 for a tag that does not exist or belongs to another site', async () => {
		const unknown = await api.post(path, {
			body: { data: [{ type: 'contact_tags', id: '3999' }] },
		});
		const otherSite = await api.post(path, {
			body: { data: [{ type: 'contact_tags', id: '3011' }] },
		});

		expect(unknown.status).toBe(404);
		expect(otherSite.body.errors[0].detail).toBe('contact_tag 3011 does not exist');
	});

	it('answers 400 when data is not a list of contact_tags identifiers', async () => {
		const notList = await api.post(path, {
			body: { data: { type: 'contact_tags', id: '3001' } },
			breaksSpec: true,
		});
		const wrongType = await api.post(path, { body: { data: [{ type: 'tags', id: '3001' }] } });

		expect(notList.status).toBe(400);
		expect(wrongType.body.errors[0]).toMatchObject({
			status: '400',
			source: { pointer: '/data/0/type' },
		});
	});

	it('answers 404 for an unknown contact', async () => {
		const response = await api.get('/v1/contacts/999999/relationships/tags');

		expect(response.status).toBe(404);
	});

	it('lists tag names with filter[name_cont], case-insensitively', async () => {
		const response = await api.get('/v1/contact_tags', { query: { 'filter[name_cont]': 'vip' } });

		expect(response.body.data.map((tag: any) => [tag.id, tag.attributes.name])).toEqual([
			['3004', 'VIP'],
		]);
	});
});

describe('granting offers to a contact', () => {
	const grant = (contactId: string, body: Record<string, unknown>) =>
		api.post(`/v1/contacts/${contactId}/relationships/offers`, { body });

	it('makes a contact without a customer record a customer', async () => {
		await grant('5014', { data: [{ type: 'offers', id: '4001' }] });
		const response = await api.get('/v1/contacts/5014', { query: { include: 'customer' } });

		expect(response.body.data.relationships.customer.data.type).toBe('customers');
		expect(response.body.included[0].attributes).toMatchObject({
			email: 'henry.walker@example.com',
			net_revenue: '0.0',
			sign_in_count: 0,
		});
	});

	it('sends the welcome email unless meta.send_customer_welcome_email is false', async () => {
		await grant('5015', { data: [{ type: 'offers', id: '4001' }] });
		await grant('5017', {
			data: [{ type: 'offers', id: '4001' }],
			meta: { send_customer_welcome_email: false },
		});

		const emails = standIn.control.welcomeEmails().map((email) => email.contactId);
		expect(emails).toContain('5015');
		expect(emails).not.toContain('5017');
	});

	it('grants an offer it already holds only once', async () => {
		await grant('5018', { data: [{ type: 'offers', id: '4004' }] });
		const again = await grant('5018', { data: [{ type: 'offers', id: '4004' }] });

		const customer = standIn.state.customers.find((record) => record.contactId === '5018');
		const grants = standIn.state.purchases.filter(
			(purchase) => purchase.customerId === customer?.id && purchase.offerId === '4004',
		);
		expect(again.body.data).toEqual([{ id: '4004', type: 'offers' }]);
		expect(grants).toHaveLength(1);
	});

	it('answers 404 for another site’s offer and 400 for a non-boolean meta flag', async () => {
		const otherSite = await grant('5019', { data: [{ type: 'offers', id: '4011' }] });
		const badFlag = await api.post('/v1/contacts/5019/relationships/offers', {
			body: { data: [{ type: 'offers', id: '4001' }], meta: { send_customer_welcome_email: 'no' } },
			breaksSpec: true,
		});

		expect(otherSite.status).toBe(404);
		expect(badFlag.status).toBe(400);
		expect(badFlag.body.errors[0].source.pointer).toBe('/meta/send_customer_welcome_email');
	});
});
