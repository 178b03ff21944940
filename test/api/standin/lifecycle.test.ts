import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { createKajabiStandIn } from '../../../scripts/kajabi-stand-in';
import { KajabiTestClient } from './kajabiTestClient';

describe('seeding', () => {
	it('takes a function that adds records to the default data', async () => {
		const standIn = await createKajabiStandIn({
			seed: (defaults) => ({
				...defaults,
				contacts: [
					...defaults.contacts,
					{
						...defaults.contacts[0],
						id: '7777',
						tagIds: [],
						attributes: {
							...defaults.contacts[0].attributes,
							name: 'Seeded Extra',
							email: 'extra@example.com',
						},
					},
				],
			}),
		});
		try {
			const api = new KajabiTestClient(standIn.url);
			await api.authenticate();

			const response = await api.get('/v1/contacts/7777');

			expect(response.body.data.attributes.name).toBe('Seeded Extra');
			expect(standIn.state.contacts).toHaveLength(31);
		} finally {
			await standIn.close();
		}
	});

	it('takes an object whose collections replace the defaults', async () => {
		const at = '2025-01-01T00:00:00.000Z';
		const standIn = await createKajabiStandIn({
			seed: {
				sites: [
					{
						id: '101',
						attributes: { title: 'Only Site', subdomain: 'only', created_at: at, updated_at: at },
					},
				],
			},
		});
		try {
			const api = new KajabiTestClient(standIn.url);
			await api.authenticate();

			// With a single site, filter[site_id] is no longer required.
			const response = await api.get('/v1/contacts', { query: { 'page[size]': 1 } });

			expect(response.status).toBe(200);
			expect(
				(await api.get('/v1/sites')).body.data.map((site: any) => site.attributes.title),
			).toEqual(['Only Site']);
		} finally {
			await standIn.close();
		}
	});

	it('gives every stand-in its own copy of the data', async () => {
		const first = await createKajabiStandIn();
		const second = await createKajabiStandIn();
		try {
			first.state.contacts[0].attributes.name = 'Changed';

			expect(second.state.contacts[0].attributes.name).toBe('Ava Martinez');
			expect(second.state.contacts.map((contact) => contact.id)).toEqual(
				first.state.contacts.map((contact) => contact.id),
			);
		} finally {
			await first.close();
			await second.close();
		}
	});

	it('listens on loopback only', async () => {
		await expect(createKajabiStandIn({ host: '0.0.0.0' })).rejects.toThrow(
			'the Kajabi stand-in only listens on loopback, not on 0.0.0.0',
		);
	});
});

describe('closing', () => {
	it('ends a delayed answer and a delivery that waits on a silent receiver, at once', async () => {
		const silent = createServer(() => {});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const target = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/never-answers`;
		const standIn = await createKajabiStandIn({ delivery: { timeoutMs: 30_000 } });

		standIn.control.setLatency(30_000);
		const pending = fetch(`${standIn.url}/v1/version`).then(
			() => 'answered',
			() => 'ended',
		);
		const [delivery] = standIn.control.sendDashboardPurchase({ url: target, test: true });
		await new Promise((resolve) => setTimeout(resolve, 100));

		const started = Date.now();
		await standIn.close();
		const outcome = await pending;
		silent.closeAllConnections();
		silent.close();

		expect(Date.now() - started).toBeLessThan(1000);
		expect(outcome).toBe('ended');
		expect(delivery.state).toBe('failed');
		expect(delivery.error).toBe('stand-in closed');
	});
});
