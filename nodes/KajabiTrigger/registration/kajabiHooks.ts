import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readId, readText } from '../../shared/json/values';
import {
	kajabiApiRequest,
	kajabiApiRequestAllItems,
	kajabiErrorStatus,
} from '../../shared/transport';
import type { EventType } from '../../shared/lead';
import type { ExistingHook, WantedHooks } from './hookPlan';

/** Every hook the key can see, read page by page. */
export async function listHooks(this: IHookFunctions): Promise<ExistingHook[]> {
	const { items } = await kajabiApiRequestAllItems.call(this, {
		path: '/v1/hooks',
		qs: { 'page[size]': 100 },
	});

	return (items as IDataObject[]).flatMap((resource) => {
		const id = readId(resource.id);
		const attributes = (resource.attributes ?? {}) as IDataObject;
		const targetUrl = readText(attributes.target_url);
		if (id === null || targetUrl === null) return [];
		return [
			{
				id,
				event: readText(attributes.event) ?? '',
				targetUrl,
				resourceId: readId(attributes.resource_id),
			},
		];
	});
}

/** `POST /v1/hooks` for one event; returns the new hook's id. */
export async function createHook(
	this: IHookFunctions,
	wanted: WantedHooks,
	event: EventType,
): Promise<string> {
	const resourceId = wanted.resourceIdFor(event);
	const answer = await kajabiApiRequest.call(this, {
		method: 'POST',
		path: '/v1/hooks',
		body: {
			data: {
				type: 'hooks',
				attributes: {
					target_url: wanted.targetUrl,
					event,
					// The spec types resource_id as an integer.
					...(resourceId === null ? {} : { resource_id: Number(resourceId) }),
				},
				relationships: { site: { data: { type: 'sites', id: wanted.siteId } } },
			},
		},
	});

	const id = readId(((answer ?? {}) as { data?: { id?: unknown } }).data?.id);
	if (id === null) {
		throw new NodeOperationError(
			this.getNode(),
			'Kajabi created the hook but sent no hook ID back',
		);
	}
	return id;
}

/** `DELETE /v1/hooks/{id}`. A hook that is already gone is fine; any other failure is not. */
export async function deleteHook(this: IHookFunctions, id: string): Promise<'deleted' | 'gone'> {
	const failure = await kajabiApiRequest
		.call(this, { method: 'DELETE', path: `/v1/hooks/${encodeURIComponent(id)}` })
		.then(
			() => null,
			(error: unknown) => error,
		);

	if (failure === null) return 'deleted';
	if (kajabiErrorStatus(failure) === 404) return 'gone';
	// Already a NodeApiError carrying Kajabi's own detail.
	throw failure;
}
