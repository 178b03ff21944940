import { COUNTRY_CALLING_CODES, type CountryCode } from './countryCallingCodes';

export { COUNTRY_CALLING_CODES, type CountryCode };

interface TrunkPrefix {
	digits: string;
	onlyWhenLength?: number;
}

// A number longer than this is not a phone number; the cap also keeps every regex cheap.
const MAX_WRITTEN_LENGTH = 64;
const E164_MIN_DIGITS = 8;
const E164_MAX_DIGITS = 15;

const NANP_CALLING_CODE = '1';
const NANP_NATIONAL_NUMBER = /^[2-9]\d{9}$/;

const TRAILING_EXTENSION = /[\s,;]*(?:ext(?:ension)?\.?|x|#)\s*\d+$/i;
const INTERNATIONAL_PREFIX = /^(?:\+|00)/;
const BRACKETED_TRUNK_ZERO = /\(\s*0\s*\)/;
const SEPARATORS = /[\s.()/\-\u2010-\u2015\u2212]/g;
const ONLY_DIGITS = /^\d+$/;

const LEADING_ZERO: readonly TrunkPrefix[] = [{ digits: '0' }];
const NANP_LEADING_ONE: readonly TrunkPrefix[] = [{ digits: '1', onlyWhenLength: 11 }];

// Most countries dial a leading 0 before a national number, and the numbers of those without
// a trunk prefix rarely start with 0, so one rule fits them all; these are the exceptions.
const TRUNK_PREFIXES: Partial<Record<CountryCode, readonly TrunkPrefix[]>> = {
	// Simplification: numbers here keep a leading 0 of their own, so none is ever dropped.
	BJ: [],
	CG: [],
	CI: [],
	GA: [],
	IT: [],
	SM: [],
	VA: [],
	BY: [{ digits: '80' }, { digits: '0' }],
	HU: [{ digits: '06' }],
	KZ: [{ digits: '8', onlyWhenLength: 11 }],
	MH: [{ digits: '1', onlyWhenLength: 8 }],
	RU: [{ digits: '8', onlyWhenLength: 11 }],
	TM: [{ digits: '8', onlyWhenLength: 9 }],
};

/**
 * Normalises a phone number as Kajabi sends it into E.164 ("+19495551212"), or null when the
 * number cannot be known: letters, wrong length, or a national number without a country.
 * Never throws, whatever it is given.
 */
export function toE164(
	raw: string | number | null | undefined,
	defaultCountry?: string | null,
): string | null {
	const text = readText(raw);
	if (text === null) return null;

	const written = text.replace(TRAILING_EXTENSION, '');
	const international = INTERNATIONAL_PREFIX.test(written);
	const numberPart = international ? afterInternationalPrefix(written) : written;
	const digits = numberPart.replace(SEPARATORS, '');
	if (!ONLY_DIGITS.test(digits)) return null;

	const e164Digits = international ? digits : withCallingCode(digits, defaultCountry);
	return e164Digits !== null && isE164(e164Digits) ? `+${e164Digits}` : null;
}

/** True for an ISO 3166-1 alpha-2 code (any case) that has a calling code. */
export function isKnownCountry(code: string): boolean {
	return readCountry(code) !== null;
}

function readText(raw: unknown): string | null {
	if (typeof raw === 'number') {
		return Number.isSafeInteger(raw) && raw > 0 ? String(raw) : null;
	}
	if (typeof raw !== 'string') return null;

	const text = raw.trim();
	return text.length > 0 && text.length <= MAX_WRITTEN_LENGTH ? text : null;
}

function readCountry(code: unknown): CountryCode | null {
	if (typeof code !== 'string') return null;

	const upper = code.trim().toUpperCase();
	return upper.length === 2 && Object.hasOwn(COUNTRY_CALLING_CODES, upper)
		? (upper as CountryCode)
		: null;
}

// "+44 (0)20 ..." shows the trunk 0 for callers at home; it is not dialled from abroad.
function afterInternationalPrefix(written: string): string {
	return written.replace(INTERNATIONAL_PREFIX, '').replace(BRACKETED_TRUNK_ZERO, '');
}

function withCallingCode(nationalDigits: string, defaultCountry: unknown): string | null {
	const country = readCountry(defaultCountry);
	if (country === null) return null;

	const callingCode = COUNTRY_CALLING_CODES[country];
	const nanp = callingCode === NANP_CALLING_CODE;
	const trunkPrefixes = nanp ? NANP_LEADING_ONE : (TRUNK_PREFIXES[country] ?? LEADING_ZERO);
	const nationalNumber = dropTrunkPrefix(nationalDigits, trunkPrefixes);
	if (nanp && !NANP_NATIONAL_NUMBER.test(nationalNumber)) return null;

	return callingCode + nationalNumber;
}

function dropTrunkPrefix(digits: string, trunkPrefixes: readonly TrunkPrefix[]): string {
	const prefix = trunkPrefixes.find(
		(candidate) =>
			digits.startsWith(candidate.digits) &&
			(candidate.onlyWhenLength === undefined || digits.length === candidate.onlyWhenLength),
	);
	return prefix === undefined ? digits : digits.slice(prefix.digits.length);
}

// No calling code begins with 0, so "+0..." is as unknowable as a wrong length.
function isE164(digits: string): boolean {
	return digits.length >= E164_MIN_DIGITS && digits.length <= E164_MAX_DIGITS && digits[0] !== '0';
}
