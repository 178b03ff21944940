import type { JsonApiResource } from './jsonApi';

/**
 * Exact email matching for "Find by Email". Kajabi's `filter[search]` is fuzzy (it also finds
 * `john.doe@example.com.au` for `john.doe@example.com`), so the answer is checked here: equal
 * after trimming, ignoring case.
 */

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function hasEmail(resource: JsonApiResource, normalizedEmail: string): boolean {
	const email = resource.attributes?.email;
	return typeof email === 'string' && normalizeEmail(email) === normalizedEmail;
}

export function looksLikeEmail(text: string): boolean {
	return /^[^\s@]+@[^\s@]+$/.test(text.trim());
}

/** `jane@example.com` as `j***@example.com`, for logs. */
export function maskEmail(email: string): string {
	const [local, domain] = email.trim().split('@');
	if (!domain) return '***';
	return `${local.slice(0, 1)}***@${domain}`;
}
