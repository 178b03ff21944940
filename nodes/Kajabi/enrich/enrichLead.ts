import type { IDataObject } from 'n8n-workflow';

import type { LeadEnrichment } from '../../shared/enrichment';
import { readText } from '../../shared/json/values';
import { hasEmail, normalizeEmail } from '../helpers/email';
import type { JsonApiResource } from '../helpers/jsonApi';
import { buildEnrichment, emptyEnrichment } from './buildEnrichment';
import { customerIdOf, readContactDocument, siteIdOf, unnamedTagIds } from './contactDocument';
import { customFieldHandles, nameCustomFields } from './customFieldNames';
import type { EnrichmentSession } from './enrichmentSession';
import type { LeadCalls } from './leadCalls';
import type { NameKind } from './nameCache';

/** Who to look up: the contact id when known, else the email; empty strings when absent. */
export interface LeadTarget {
	contactId: string;
	email: string;
	/** The lead's own site, else the one picked in the node. */
	siteId: string;
}

export interface EnrichRequest {
	target: LeadTarget;
	/** The lead's `customFields`, when it has any. */
	customFields: Record<string, unknown> | undefined;
	highValueTags: string[];
	nameCustomFields: boolean;
}

export interface EnrichedLead {
	enrichment: LeadEnrichment;
	/** The lead's custom fields with their titles added, when there was anything to name. */
	customFields: Record<string, unknown> | undefined;
	customerId: string | null;
}

const PAGE_SIZE = 100;

const CONTACT_INCLUDE = 'offers,tags,customer';

const NAME_LISTS: Record<NameKind, { path: string; key: string; label: string; what: string }> = {
	contact_tags: { path: '/v1/contact_tags', key: 'id', label: 'name', what: 'Tag names' },
	custom_fields: {
		path: '/v1/custom_fields',
		key: 'handle',
		label: 'title',
		what: 'Custom field names',
	},
};

/**
 * Asks Kajabi about one lead with as few calls as it can: the contact with its tags, offers
 * and customer in one call (after a search when only the email is known), the purchases only
 * when a customer record exists, and names from the session's cache. A failed call throws;
 * the caller decides whether the lead goes on without enrichment.
 */
export async function enrichLead(
	calls: LeadCalls,
	session: EnrichmentSession,
	request: EnrichRequest,
): Promise<EnrichedLead> {
	const { target } = request;
	const contactId = target.contactId || (await findContactId(calls, target));
	if (contactId === null) {
		const reason = `No contact${target.siteId ? ` in site ${target.siteId}` : ''} has exactly this email`;
		return await finish(calls, session, request, emptyEnrichment('not_found', reason, 0), null);
	}

	const body = await calls.getIfFound(`/v1/contacts/${encodeURIComponent(contactId)}`, {
		include: CONTACT_INCLUDE,
	});
	if (body === undefined) {
		const reason = `Kajabi has no contact ${contactId}`;
		return await finish(calls, session, request, emptyEnrichment('not_found', reason, 0), null);
	}

	const document = readContactDocument(body);
	if (document.contact?.id == null) {
		const reason = `Kajabi returned no contact for ${contactId}`;
		return await finish(calls, session, request, emptyEnrichment('not_found', reason, 0), null);
	}
	const customerId = customerIdOf(document);
	const purchases = customerId === null ? null : await purchasesOf(calls, customerId);
	const siteId = siteIdOf(document) ?? target.siteId;
	const warnings: string[] = [];
	const tagNames = await namesFor(
		calls,
		session,
		siteId,
		'contact_tags',
		unnamedTagIds(document),
		warnings,
	);

	const enrichment = buildEnrichment({
		contactDocument: body,
		purchases,
		tagNames,
		highValueTags: request.highValueTags,
		apiCalls: 0,
		warnings,
	});
	const withSite = { ...request, target: { ...target, siteId } };
	return await finish(calls, session, withSite, enrichment, customerId);
}

/** Names the lead's custom fields and settles the call count. */
async function finish(
	calls: LeadCalls,
	session: EnrichmentSession,
	request: EnrichRequest,
	enrichment: LeadEnrichment,
	customerId: string | null,
): Promise<EnrichedLead> {
	let customFields = request.customFields;
	const handles = customFieldHandles(customFields);
	if (customFields && request.nameCustomFields && handles.length > 0) {
		const titles = await namesFor(
			calls,
			session,
			request.target.siteId,
			'custom_fields',
			handles,
			enrichment.warnings,
		);
		const named = nameCustomFields(customFields, titles);
		customFields = named.fields;
		for (const title of named.conflicts) {
			enrichment.warnings.push(`customFields already holds "${title}" with another value`);
		}
	}

	enrichment.apiCalls = calls.count;
	return { enrichment, customFields, customerId };
}

/** Kajabi has no exact email filter: search the site, then compare each email here. */
async function findContactId(calls: LeadCalls, target: LeadTarget): Promise<string | null> {
	const wanted = normalizeEmail(target.email);
	const qs: IDataObject = {
		...(target.siteId ? { 'filter[site_id]': target.siteId } : {}),
		'filter[search]': target.email.trim(),
		'page[size]': PAGE_SIZE,
	};
	const search = await calls.list<JsonApiResource>('/v1/contacts', qs, {
		until: (contact) => hasEmail(contact, wanted),
	});
	if (search.stoppedBy !== 'found') return null;
	return readText(search.items[search.items.length - 1].id);
}

async function purchasesOf(calls: LeadCalls, customerId: string): Promise<unknown[]> {
	const list = await calls.list('/v1/purchases', {
		'filter[customer_id]': customerId,
		'page[size]': PAGE_SIZE,
	});
	return list.items;
}

/**
 * The names a lead needs, without a call when the session knows them: a list read earlier in
 * this execution, or a stored one that has every name asked for. Otherwise the site's whole
 * list is read once. Names are a nicety: a failure becomes a warning, never a skipped lead.
 */
async function namesFor(
	calls: LeadCalls,
	session: EnrichmentSession,
	siteId: string,
	kind: NameKind,
	needed: string[],
	warnings: string[],
): Promise<ReadonlyMap<string, string>> {
	if (needed.length === 0) return new Map();
	const list = NAME_LISTS[kind];
	const scope = `${session.credentialId}|${siteId}`;

	const failure = session.names.failure(scope, kind);
	if (failure !== undefined) {
		warnings.push(`${list.what} could not be read: ${failure}`);
		return new Map();
	}

	const known = session.names.known(scope, kind);
	if (known && (known.origin === 'execution' || needed.every((key) => known.names.has(key)))) {
		return known.names;
	}

	try {
		const read = await calls.list<JsonApiResource>(
			list.path,
			{ ...(siteId ? { 'filter[site_id]': siteId } : {}), 'page[size]': PAGE_SIZE },
			{ remember: false },
		);
		const names = new Map<string, string>();
		for (const resource of read.items) {
			const attributes = resource.attributes ?? {};
			const key = list.key === 'id' ? readText(resource.id) : readText(attributes[list.key]);
			const label = readText(attributes[list.label]);
			if (key !== null && label !== null) names.set(key, label);
		}
		session.names.remember(scope, kind, names);
		return names;
	} catch (error) {
		const reason = (error as Error).message;
		session.names.rememberFailure(scope, kind, reason);
		warnings.push(`${list.what} could not be read: ${reason}`);
		return known?.names ?? new Map();
	}
}
