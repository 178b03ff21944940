import { createHash } from 'crypto';

/**
 * A delivery's id is a hash of its bytes: Kajabi sends no delivery id (an API hook's `id` is
 * the triggering resource's, and its test deliveries all use 0), and a retried or replayed
 * delivery repeats its bytes exactly.
 */
export function deliveryIdOf(text: string): string {
	return createHash('sha256').update(text.trim(), 'utf8').digest('hex').slice(0, 32);
}
