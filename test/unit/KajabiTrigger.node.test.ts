import { setTimeout as delay } from 'node:timers/promises';

import { KajabiTrigger } from '../../nodes/KajabiTrigger/KajabiTrigger.node';
import { DASHBOARD_PURCHASE, envelopeFile, fixtureJson, fixtureText } from '../helpers/fixtures';
import { webhookContext } from '../helpers/webhookContext';

const trigger = new KajabiTrigger();

/**
 * One delivery, and what n8n 2.x does with the answer: for a workflow to start it starts the
 * execution, then reads `webhookResponse` (unless `n8n` is 'fails to start'), and then answers.
 */
async function deliver(
	call: Parameters<typeof webhookContext>[0],
	n8n: 'starts' | 'fails to start' = 'starts',
) {
	const harness = webhookContext(call);
	const result = await trigger.webhook.call(harness.context);
	if (result.workflowData !== undefined && n8n === 'starts') void result.webhookResponse;
	harness.response.finish();
	return { ...harness, result };
}

describe('Kajabi Trigger webhook', () => {
	it('starts the workflow with one lead item and answers at once', async () => {
		const { result } = await deliver({ body: fixtureText(envelopeFile('form_submission')) });

		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'form_submission',
			contact: { email: 'john.doe@example.com' },
		});
		expect(result.webhookResponse).toMatchObject({ status: 'accepted', event: 'form_submission' });
	});

	it('starts nothing for the same delivery within the window, and answers 200', async () => {
		const body = fixtureText(DASHBOARD_PURCHASE);
		const nodeId = 'dup-node';

		const first = await deliver({ body, nodeId });
		const second = await deliver({ body, nodeId });

		expect(first.result.workflowData).toHaveLength(1);
		expect(second.result.workflowData).toBeUndefined();
		expect(second.result.noWebhookResponse).toBeUndefined();
		expect(second.result.webhookResponse).toMatchObject({ status: 'duplicate' });
	});

	it('keeps each accepted delivery in its static data, which n8n shares between processes', async () => {
		const body = fixtureText(envelopeFile('purchase'));

		const first = await deliver({ body, nodeId: 'process-a' });
		const deliveryId = (first.result.webhookResponse as { deliveryId: string }).deliveryId;

		expect(deliveryId).toMatch(/^[0-9a-f]{32}$/);
		expect(first.staticData.kajabiDeliveries).toMatch(new RegExp(`^${deliveryId}@\\d{10}$`));
	});

	it('starts nothing for a delivery another n8n process accepted, and answers 200', async () => {
		const body = fixtureText(envelopeFile('order_created'));
		const first = await deliver({ body, nodeId: 'process-a' });
		// Another process (or this one after a restart) has no memory of it; the database does.
		const saved = JSON.parse(JSON.stringify(first.staticData)) as Record<string, unknown>;

		const again = await deliver({ body, nodeId: 'process-b', staticData: saved });

		expect(first.result.workflowData).toHaveLength(1);
		expect(again.result.workflowData).toBeUndefined();
		expect(again.result.webhookResponse).toMatchObject({ status: 'duplicate' });
		expect(again.logs).toContainEqual(
			expect.objectContaining({ message: 'Kajabi delivery skipped as a duplicate' }),
		);
	});

	it('takes a delivery sent again after n8n could not start its execution', async () => {
		const body = fixtureText(envelopeFile('form_submission'));
		const nodeId = 'start-failed';

		// n8n answered 500 (its database was not ready): nothing ran, nothing was saved.
		const failed = await deliver({ body, nodeId }, 'fails to start');
		expect(failed.staticData).toEqual({});
		const retried = await deliver({ body, nodeId, staticData: failed.staticData });

		expect(retried.result.workflowData).toHaveLength(1);
		expect(retried.result.webhookResponse).toMatchObject({ status: 'accepted' });
	});

	it('holds a copy that arrives while n8n starts the first, then calls it a duplicate', async () => {
		const body = fixtureText(envelopeFile('purchase'));
		const nodeId = 'copy-while-starting';
		const first = webhookContext({ body, nodeId });
		const firstResult = await trigger.webhook.call(first.context);

		let copyDone = false;
		const copy = deliver({ body, nodeId }).finally(() => (copyDone = true));
		await delay(100);
		expect(copyDone).toBe(false);
		expect(first.staticData.kajabiDeliveries).toBeUndefined();

		void firstResult.webhookResponse;
		first.response.finish();
		const { result } = await copy;

		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toMatchObject({ status: 'duplicate' });
		expect(first.staticData.kajabiDeliveries).toMatch(/^[0-9a-f]{32}@\d{10}$/);
	});

	it('takes a copy that was held when n8n answers the first without starting it', async () => {
		const body = fixtureText(envelopeFile('order_created'));
		const nodeId = 'copy-while-failing';
		const first = webhookContext({ body, nodeId });
		await trigger.webhook.call(first.context);

		const copy = deliver({ body, nodeId });
		await delay(60);
		first.response.finish();
		const { result } = await copy;

		expect(result.workflowData).toHaveLength(1);
	});

	it('lets duplicates through when the window is 0', async () => {
		const body = fixtureText(DASHBOARD_PURCHASE);
		const parameters = { settings: { duplicateWindowSeconds: 0 } };

		await deliver({ body, nodeId: 'no-window', parameters });
		const again = await deliver({ body, nodeId: 'no-window', parameters });

		expect(again.result.workflowData).toHaveLength(1);
		expect(again.staticData).toEqual({});
	});

	describe('shared secret', () => {
		const body = fixtureText(envelopeFile('purchase'));
		const settings = { secret: 'correct horse battery' };

		it('refuses a delivery without the secret with 401 and starts nothing', async () => {
			const { result, response } = await deliver({ body, parameters: { settings } });

			expect(response.statusCode).toBe(401);
			expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
			expect(result).toEqual({ noWebhookResponse: true });
		});

		it('refuses a wrong secret', async () => {
			const { response } = await deliver({
				body,
				query: { secret: 'correct horse battery!' },
				parameters: { settings },
			});

			expect(response.statusCode).toBe(401);
		});

		it('accepts the right secret in the query', async () => {
			const { result } = await deliver({
				body,
				query: { secret: 'correct horse battery' },
				parameters: { settings },
			});

			expect(result.workflowData).toHaveLength(1);
		});

		it('accepts the right secret in a named header', async () => {
			const { result } = await deliver({
				body,
				headers: { 'x-relay-token': 'correct horse battery' },
				parameters: {
					settings: { ...settings, secretLocation: 'header', parameterName: 'X-Relay-Token' },
				},
			});

			expect(result.workflowData).toHaveLength(1);
		});

		it('never logs the secret', async () => {
			const { logs } = await deliver({ body, query: { secret: 'nope' }, parameters: { settings } });

			expect(JSON.stringify(logs)).not.toContain('correct horse battery');
			expect(JSON.stringify(logs)).not.toContain('nope');
		});
	});

	describe('bad deliveries', () => {
		it.each([
			['', 400, 'empty_body'],
			['not json at all', 400, 'not_json'],
			['{"hello": "world"}', 422, 'unknown_shape'],
		])('answers %j with %i and a JSON error, starting nothing', async (body, status, code) => {
			const { result, response } = await deliver({ body });

			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(status);
			expect(response.body).toMatchObject({ error: { code } });
		});

		it('answers 413 past the size limit', async () => {
			const body = JSON.stringify({ event: 'x', payload: {}, pad: 'y'.repeat(3000) });

			const { response } = await deliver({ body, parameters: { settings: { maxBodySizeKb: 2 } } });

			expect(response.statusCode).toBe(413);
		});

		it('passes a bad delivery on as an error item when asked', async () => {
			const { result } = await deliver({
				body: 'email=lost%40example.com&garbled',
				contentType: 'text/plain',
				parameters: { settings: { invalidDeliveries: 'passOn' } },
			});

			const item = result.workflowData?.[0][0].json;
			expect(item).toMatchObject({ error: { code: 'unknown_shape' } });
			expect(item?.rawBody).toBe('email=lost%40example.com&garbled');
			expect(result.webhookResponse).toMatchObject({ status: 'accepted_with_error' });
		});

		it('answers 422 for a form submission without an email, logging no personal data', async () => {
			const body = fixtureJson(envelopeFile('form_submission'));
			delete body.payload[0].attributes.email;

			const { response, logs } = await deliver({ body: JSON.stringify(body) });

			expect(response.statusCode).toBe(422);
			expect(response.body).toMatchObject({ error: { code: 'missing_email' } });
			expect(JSON.stringify(logs)).not.toContain('John Doe');
		});

		it('answers 413 when n8n itself refuses to read a huge body', async () => {
			const harness = webhookContext({ body: '' });
			harness.request.readRawBody = async () => {
				throw Object.assign(new Error('request entity too large'), { type: 'entity.too.large' });
			};

			const result = await trigger.webhook.call(harness.context);

			expect(result).toEqual({ noWebhookResponse: true });
			expect(harness.response.statusCode).toBe(413);
		});
	});

	describe('event filter', () => {
		it('answers and drops events that are not selected', async () => {
			const { result } = await deliver({
				body: fixtureText(envelopeFile('purchase')),
				parameters: { events: ['form_submission'] },
			});

			expect(result.workflowData).toBeUndefined();
			expect(result.webhookResponse).toMatchObject({ status: 'ignored' });
		});

		it('accepts a dashboard purchase.created when Purchase is selected', async () => {
			const { result } = await deliver({
				body: fixtureText(DASHBOARD_PURCHASE),
				parameters: { events: ['purchase'] },
			});

			expect(result.workflowData).toHaveLength(1);
		});
	});

	it('adds the names given to custom fields', async () => {
		const body = fixtureJson(envelopeFile('form_submission'));
		body.payload[0].attributes.custom_2 = 'Beginner';

		const { result } = await deliver({
			body: JSON.stringify(body),
			parameters: {
				settings: { customFieldNames: { field: [{ key: 'custom_2', name: 'level' }] } },
			},
		});

		expect(result.workflowData?.[0][0].json.customFields).toEqual({
			custom_2: 'Beginner',
			level: 'Beginner',
		});
	});

	it('asks n8n to leave the body unparsed, so it can answer bad bodies itself', () => {
		const hidden = trigger.description.properties.find((property) => property.name === 'options');

		expect(hidden).toMatchObject({ type: 'hidden', default: { binaryData: true } });
	});
});

describe('Kajabi Trigger memory of refused deliveries', () => {
	it('refuses a bad delivery again when it is sent again, rather than calling it a duplicate', async () => {
		const first = await deliver({ body: 'not json', nodeId: 'refused-twice' });
		const second = await deliver({ body: 'not json', nodeId: 'refused-twice' });

		expect(first.response.statusCode).toBe(400);
		expect(second.response.statusCode).toBe(400);
		expect(second.result).toEqual({ noWebhookResponse: true });
	});

	it('does not remember an ignored event, so selecting it later lets it through', async () => {
		const body = fixtureText(envelopeFile('tag_added'));

		await deliver({ body, nodeId: 'ignored-then-selected', parameters: { events: ['purchase'] } });
		const later = await deliver({ body, nodeId: 'ignored-then-selected' });

		expect(later.result.workflowData).toHaveLength(1);
	});
});
