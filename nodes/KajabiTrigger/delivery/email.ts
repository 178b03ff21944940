// Deliberately loose: one @, a dot in the domain, no spaces. Kajabi has checked the address
// already; this only tells an email from a name or a phone number typed in the wrong field.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and lower-cases an email; anything that does not look like one becomes null. */
export function normalizeEmail(value: string | null): string | null {
	if (value === null) return null;

	const email = value.trim().toLowerCase();
	if (email.length > 320 || !EMAIL_PATTERN.test(email)) return null;
	return email;
}
