import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collectPages, type Collected } from '../../shared/transport/pagination';
import { kajabiApiRequest, nextLinkOf, nextPagePath } from '../transport';
import { isNotFound, type FailureGate } from './failureGate';

interface SendOptions {
	/** Answer `undefined` to a 404 instead of failing. */
	allowNotFound?: boolean;
	/**
	 * Whether a failure may close the gate for the leads that follow. Name lists say no: their
	 * failure costs a name, and must not cost the next leads their enrichment.
	 */
	remember?: boolean;
}

/**
 * The Kajabi requests made for one lead, counted: every request and every page is one call
 * (the transport's retries of a call are not counted again). A request the failure gate knows
 * will fail is not sent; its remembered error is thrown instead.
 */
export class LeadCalls {
	count = 0;

	/** Set when a remembered failure was thrown instead of asking Kajabi. */
	replayedFailure = false;

	/** The request that failed last, as `GET /v1/purchases`: no query, which may hold an email. */
	failedRequest: string | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly gate: FailureGate,
		private readonly itemIndex: number,
	) {}

	async get(path: string, qs?: IDataObject, options: SendOptions = {}): Promise<unknown> {
		return await this.send(path, qs, options);
	}

	/** Like `get`, but a 404 answers `undefined` instead of failing. */
	async getIfFound(path: string, qs?: IDataObject): Promise<unknown> {
		return await this.send(path, qs, { allowNotFound: true });
	}

	private async send(
		path: string,
		qs: IDataObject | undefined,
		{ allowNotFound = false, remember = true }: SendOptions,
	): Promise<unknown> {
		const blocked = this.gate.blocked(path);
		if (blocked) {
			this.replayedFailure = true;
			this.failedRequest = `GET ${path.split('?')[0]}`;
			throw blocked;
		}

		this.count += 1;
		try {
			return await kajabiApiRequest.call(this.context, {
				method: 'GET',
				path,
				qs,
				itemIndex: this.itemIndex,
			});
		} catch (error) {
			if (allowNotFound && isNotFound(error)) return undefined;
			if (remember) this.gate.record(path, error as Error);
			this.failedRequest = `GET ${path.split('?')[0]}`;
			// The transport throws both kinds already; wrapping hands the same error back.
			if (error instanceof NodeOperationError) {
				throw new NodeOperationError(this.context.getNode(), error);
			}
			throw new NodeApiError(this.context.getNode(), error as JsonObject);
		}
	}

	/** Reads a list page by page (following `links.next`) until `until` accepts a resource. */
	async list<T = IDataObject>(
		path: string,
		qs: IDataObject,
		{ until, ...options }: SendOptions & { until?: (resource: T) => boolean } = {},
	): Promise<Collected<T>> {
		return await collectPages<T>(
			async (next) => {
				const body = await this.get(next ?? path, next === undefined ? qs : undefined, options);
				const data = (body as { data?: unknown } | undefined)?.data;
				return {
					items: Array.isArray(data) ? (data as T[]) : [],
					next: nextPagePath(nextLinkOf(body)),
				};
			},
			{ until },
		);
	}
}
