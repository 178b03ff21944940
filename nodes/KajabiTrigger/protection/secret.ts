import { createHash, timingSafeEqual } from 'crypto';

import { DEFAULT_SECRET_NAME, type TriggerSettings } from '../TriggerSettings';

interface SecretCarrier {
	headers: Record<string, unknown>;
	query: Record<string, unknown>;
}

/**
 * Compares a presented secret with the configured one in constant time. Both are hashed first
 * so that neither their contents nor their lengths leak through timing.
 */
export function secretMatches(presented: string | null | undefined, expected: string): boolean {
	if (typeof presented !== 'string') return false;

	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(presented), digest(expected));
}

/** The first value of a header or query parameter that may arrive repeated. */
export function firstValue(value: unknown): string | null {
	if (Array.isArray(value)) return firstValue(value[0]);
	return typeof value === 'string' ? value : null;
}

/** The secret a delivery carries where the settings say to look: a query parameter or a header. */
export function presentedSecret(request: SecretCarrier, settings: TriggerSettings): string | null {
	const location = settings.secretLocation ?? 'query';
	const name = settings.parameterName?.trim() || DEFAULT_SECRET_NAME[location];
	return location === 'header'
		? firstValue(request.headers[name.toLowerCase()])
		: firstValue(request.query[name]);
}
