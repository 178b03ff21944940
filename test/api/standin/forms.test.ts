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

function submission(attributes: Record<string, unknown>) {
	return { data: { type: 'form_submissions', attributes } };
}

function contactsWithEmail(email: string) {
	return standIn.state.contacts.filter(
		(contact) => contact.attributes.email.toLowerCase() === email.toLowerCase(),
	);
}

describe('submitting a form', () => {
	it('creates the contact when the email is new to the site, with the form’s tags', async () => {
		const response = await api.post('/v1/forms/2001/submit', {
			body: submission({
				name: 'Rosa Diaz',
				email: 'rosa.diaz@example.com',
				phone_number: '+1 555 010 3001',
			}),
		});
		const [contact] = contactsWithEmail('rosa.diaz@example.com');

		expect(response.status).toBe(201);
		expect(contact.siteId).toBe('101');
		expect(contact.attributes).toMatchObject({
			name: 'Rosa Diaz',
			phone_number: '+1 555 010 3001',
		});
		expect(contact.tagIds).toEqual(['3002']);
	});

	it('reuses the contact whose email matches in any case, filling empty fields only', async () => {
		await api.post('/v1/forms/2001/submit', {
			body: submission({ name: 'Ava M.', email: 'AVA.MARTINEZ@example.com', phone_number: '000' }),
		});
		const contacts = contactsWithEmail('ava.martinez@example.com').filter(
			(contact) => contact.siteId === '101',
		);

		expect(contacts).toHaveLength(1);
		expect(contacts[0].attributes).toMatchObject({
			name: 'Ava Martinez',
			phone_number: '+1 (555) 010-1001',
		});
		expect(contacts[0].tagIds).toEqual(['3001', '3003', '3004', '3002']);
	});

	it('grants the form’s offer, making the person a customer', async () => {
		await api.post('/v1/forms/2002/submit', {
			body: submission({ name: 'Ivo Petrov', email: 'ivo@example.org' }),
		});
		const [contact] = contactsWithEmail('ivo@example.org');
		const offers = await api.get(`/v1/contacts/${contact.id}/relationships/offers`);

		expect(offers.body.data).toEqual([{ id: '4001', type: 'offers' }]);
		expect(standIn.control.welcomeEmails()).toContainEqual(
			expect.objectContaining({ contactId: contact.id, offerId: '4001' }),
		);
	});

	it('keeps custom field values in the submission and on the contact', async () => {
		const response = await api.post('/v1/forms/2003/submit', {
			body: submission({
				name: 'Lena Vogel',
				email: 'lena.vogel@example.com',
				custom_2: 'Partner site',
			}),
		});
		const [contact] = contactsWithEmail('lena.vogel@example.com');

		expect(response.body.data.attributes.custom_2).toBe('Partner site');
		expect(contact.attributes.custom_2).toBe('Partner site');
	});

	it('answers 422 without a name or with an invalid email', async () => {
		const noName = await api.post('/v1/forms/2001/submit', {
			body: submission({ email: 'x@example.com' }),
		});
		const badEmail = await api.post('/v1/forms/2001/submit', {
			body: submission({ name: 'X', email: 'x@' }),
		});

		expect(noName.status).toBe(422);
		expect(noName.body.errors[0].source.pointer).toBe('/data/attributes/name');
		expect(badEmail.body.errors[0].detail).toBe('email must be a valid email address');
	});

	it('answers 422 for a custom field the site does not define', async () => {
		const response = await api.post('/v1/forms/2011/submit', {
			body: submission({ name: 'Y', email: 'y@example.com', custom_2: 'nope' }),
		});

		expect(response.status).toBe(422);
		expect(response.body.errors[0].detail).toBe('custom_2 is not a field of this site');
	});

	it('answers 404 for an unknown form', async () => {
		const response = await api.post('/v1/forms/999/submit', {
			body: submission({ name: 'Z', email: 'z@example.com' }),
		});

		expect(response.status).toBe(404);
		expect(response.body.errors[0].detail).toBe('form 999 does not exist');
	});

	it('lists the new submission first among the form’s submissions', async () => {
		const response = await api.get('/v1/form_submissions', {
			query: { 'filter[form_id]': '2001' },
		});

		expect(response.body.data.map((entry: any) => entry.attributes.email)).toEqual([
			'AVA.MARTINEZ@example.com',
			'rosa.diaz@example.com',
			'Chloe.Dubois@example.org',
		]);
	});
});

describe('forms', () => {
	it('are found by the special id "default"', async () => {
		const response = await api.get('/v1/forms/default');

		expect(response.body.data).toMatchObject({
			id: '2011',
			attributes: { title: 'Class Waitlist', default: true },
		});
	});

	it('carry their offer relationship only when they have an offer', async () => {
		const withOffer = await api.get('/v1/forms/2002', { query: { include: 'offer' } });
		const withoutOffer = await api.get('/v1/forms/2001');

		expect(withOffer.body.data.relationships.offer.data).toEqual({ id: '4001', type: 'offers' });
		expect(withOffer.body.included[0].attributes.title).toBe('Free Starter Guide');
		expect(withoutOffer.body.data.relationships.offer).toBeUndefined();
	});

	it('answer 404 for unknown forms, submissions and custom fields', async () => {
		const statuses = [];
		for (const path of ['/v1/forms/999', '/v1/form_submissions/999', '/v1/custom_fields/999']) {
			statuses.push((await api.get(path)).status);
		}

		expect(statuses).toEqual([404, 404, 404]);
	});

	it('list required custom fields only, with filter[required_eq]', async () => {
		const response = await api.get('/v1/custom_fields', {
			query: { 'filter[required_eq]': 'true' },
		});

		expect(response.body.data.map((field: any) => field.attributes.title)).toEqual([
			'Experience Level',
		]);
	});
});

describe('contact notes', () => {
	it('answer 422 without a body or for an unknown contact', async () => {
		const noBody = await api.post('/v1/contact_notes', {
			body: {
				data: {
					type: 'contact_notes',
					attributes: { body: ' ' },
					relationships: { contact: { data: { type: 'contacts', id: '5001' } } },
				},
			},
		});
		const unknownContact = await api.post('/v1/contact_notes', {
			body: {
				data: {
					type: 'contact_notes',
					attributes: { body: 'Hello' },
					relationships: { contact: { data: { type: 'contacts', id: '1' } } },
				},
			},
		});

		expect(noBody.status).toBe(422);
		expect(unknownContact.body.errors[0].source.pointer).toBe('/data/relationships/contact');
	});

	it('answer 404 for an unknown note on show, update and delete', async () => {
		const shown = await api.get('/v1/contact_notes/1');
		const updated = await api.patch('/v1/contact_notes/1', {
			body: { data: { type: 'contact_notes', id: '1', attributes: { body: 'x' } } },
		});
		const deleted = await api.delete('/v1/contact_notes/1');

		expect([shown.status, updated.status, deleted.status]).toEqual([404, 404, 404]);
	});

	it('list a site’s notes newest first', async () => {
		const response = await api.get('/v1/contact_notes', { query: { 'filter[site_id]': '101' } });

		expect(response.body.data.map((note: any) => note.id)).toEqual(['1203', '1202', '1201']);
	});
});
