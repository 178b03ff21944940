import { getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';

import {
	COUNTRY_CALLING_CODES,
	isKnownCountry,
	toE164,
} from '../../nodes/KajabiTrigger/delivery/phone';

describe('toE164', () => {
	describe('numbers in the shapes Kajabi sends', () => {
		it.each([
			['949-555-1212', 'US', '+19495551212'],
			['5555555555', 'US', '+15555555555'],
			['12134567890', 'US', '+12134567890'],
			['+44 20 7946 0958', undefined, '+442079460958'],
			['0044 20 7946 0958', undefined, '+442079460958'],
			['(02) 9374 4000', 'AU', '+61293744000'],
		])('reads %j with default country %s as %s', (raw, country, expected) => {
			expect(toE164(raw, country)).toBe(expected);
		});
	});

	describe('NANP numbers', () => {
		it.each([
			['(949) 555-1212', 'US'],
			['949.555.1212', 'US'],
			['1 949 555 1212', 'US'],
			['1-949-555-1212', 'CA'],
			['+1 (949) 555-1212', null],
			['001 949 555 1212', null],
		])('reads %j (default %s) as +19495551212', (raw, country) => {
			expect(toE164(raw, country)).toBe('+19495551212');
		});

		it('gives every NANP member the calling code 1', () => {
			expect(toE164('787-234-5678', 'PR')).toBe('+17872345678');
			expect(toE164('(876) 210-1234', 'JM')).toBe('+18762101234');
		});

		it.each([
			['555 1212', 'seven digits'],
			['94955512', 'nine digits'],
			['29495551212', 'eleven digits not starting with 1'],
			['119495551212', 'twelve digits'],
			['049 555 1212', 'an area code starting with 0'],
			['149 555 1212', 'an area code starting with 1'],
		])('rejects %j (%s)', (raw) => {
			expect(toE164(raw, 'US')).toBeNull();
		});
	});

	describe('national numbers with a trunk 0', () => {
		it.each([
			['020 7946 0958', 'GB', '+442079460958'],
			['07400 123456', 'GB', '+447400123456'],
			['030 12345678', 'DE', '+493012345678'],
			['01512 3456789', 'DE', '+4915123456789'],
			['0412 345 678', 'AU', '+61412345678'],
			['(02) 9374 4000', 'AU', '+61293744000'],
			['01 23 45 67 89', 'FR', '+33123456789'],
			['06 12 34 56 78', 'FR', '+33612345678'],
		])('drops the trunk 0 of %j in %s: %s', (raw, country, expected) => {
			expect(toE164(raw, country)).toBe(expected);
		});

		it('reads the same number written without its trunk 0', () => {
			expect(toE164('20 7946 0958', 'GB')).toBe('+442079460958');
			expect(toE164('6 12 34 56 78', 'FR')).toBe('+33612345678');
		});

		it('ignores a bracketed trunk 0 in an international number', () => {
			expect(toE164('+44 (0)20 7946 0958')).toBe('+442079460958');
			expect(toE164('+49 (0) 30 12345678')).toBe('+493012345678');
		});

		it('reads the default country in any case and with spaces around it', () => {
			expect(toE164('020 7946 0958', 'gb')).toBe('+442079460958');
			expect(toE164('020 7946 0958', ' Gb ')).toBe('+442079460958');
		});
	});

	describe('countries whose numbers keep their leading 0', () => {
		it.each([
			['06 1234 5678', 'IT', '+390612345678'],
			['0549 123456', 'SM', '+3780549123456'],
			['06 6982 0000', 'VA', '+390669820000'],
			['01 23 45 6789', 'CI', '+2250123456789'],
		])('keeps the 0 of %j in %s: %s', (raw, country, expected) => {
			expect(toE164(raw, country)).toBe(expected);
		});
	});

	describe('trunk prefixes other than 0', () => {
		it.each([
			['8 (912) 345-67-89', 'RU', '+79123456789'],
			['912 345-67-89', 'RU', '+79123456789'],
			['8 (771) 000 9998', 'KZ', '+77710009998'],
			['8 029 491-19-11', 'BY', '+375294911911'],
			['029 491-19-11', 'BY', '+375294911911'],
			['06 20 123 4567', 'HU', '+36201234567'],
			['8 12 345678', 'TM', '+99312345678'],
		])('reads %j in %s as %s', (raw, country, expected) => {
			expect(toE164(raw, country)).toBe(expected);
		});
	});

	describe('numbers given as JS numbers', () => {
		it('reads a national number with the default country', () => {
			expect(toE164(5555555555, 'US')).toBe('+15555555555');
			expect(toE164(19495551212, 'US')).toBe('+19495551212');
			expect(toE164(2079460958, 'GB')).toBe('+442079460958');
		});

		it('cannot know the country of a number without a default country', () => {
			expect(toE164(442079460958)).toBeNull();
		});

		it.each([0, -5555555555, 5555555555.5, NaN, Infinity, Number.MAX_VALUE])(
			'rejects %p',
			(raw) => {
				expect(toE164(raw, 'US')).toBeNull();
			},
		);
	});

	describe('extensions', () => {
		it.each([
			'949-555-1212 ext. 12',
			'949-555-1212 ext 12',
			'949-555-1212 extension 12',
			'949-555-1212 x12',
			'949-555-1212x12',
			'949-555-1212 X 12',
			'949-555-1212, #12',
		])('drops the extension of %j', (raw) => {
			expect(toE164(raw, 'US')).toBe('+19495551212');
		});

		it('drops the extension of an international number', () => {
			expect(toE164('+44 20 7946 0958 ext. 3')).toBe('+442079460958');
		});
	});

	describe('numbers that cannot be known', () => {
		it.each(['949-555-CALL', '1-800-FLOWERS', 'call me', 'n/a', '+44 20 7946 0958 (home)'])(
			'rejects %j because it has letters',
			(raw) => {
				expect(toE164(raw, 'US')).toBeNull();
			},
		);

		it.each(['+44+20 7946 0958', '++44 20 7946 0958', '949_555_1212', '949*555*1212'])(
			'rejects %j because of stray symbols',
			(raw) => {
				expect(toE164(raw, 'US')).toBeNull();
			},
		);

		it('accepts 8 to 15 digits after the + and nothing outside that range', () => {
			expect(toE164('+1234567')).toBeNull();
			expect(toE164('+12345678')).toBe('+12345678');
			expect(toE164('+123456789012345')).toBe('+123456789012345');
			expect(toE164('+1234567890123456')).toBeNull();
			expect(toE164('12345', 'GB')).toBeNull();
			expect(toE164('0123 4567 8901 2345', 'GB')).toBeNull();
		});

		it('rejects a calling code starting with 0', () => {
			expect(toE164('+0 20 7946 0958')).toBeNull();
			expect(toE164('000 44 20 7946 0958')).toBeNull();
		});

		it.each([undefined, null, '', '  ', 'ZZ', 'GBR', 'UK', '__proto__', 'toString'])(
			'cannot place a national number with default country %p',
			(country) => {
				expect(toE164('020 7946 0958', country)).toBeNull();
			},
		);

		it.each([undefined, null, '', '   ', '+', '()', '-', 'ext. 12'])(
			'rejects empty input %p',
			(raw) => {
				expect(toE164(raw, 'US')).toBeNull();
			},
		);
	});

	describe('garbage', () => {
		const throwingToString = {
			toString(): string {
				throw new Error('not a string');
			},
		};

		it.each([
			['an object', {}],
			['an array', ['+442079460958']],
			['an object whose toString throws', throwingToString],
			['a function', () => '+442079460958'],
			['a symbol', Symbol('+442079460958')],
			['a boolean', true],
			['a bigint', BigInt('442079460958')],
			['a date', new Date(0)],
			['100k letters', 'x'.repeat(100_000)],
			['100k digits', '1'.repeat(100_000)],
			['100k spaces and a digit', `${' '.repeat(100_000)}1`],
			['100k spaces before an extension', `${' '.repeat(100_000)}ext 1`],
			['Arabic-Indic digits', '٩٤٩٥٥٥١٢١٢'],
			['full-width digits', '＋４４２０７９４６０９５８'],
			['an emoji', '📞 949-555-1212'],
			['a NUL character', '949\u0000555\u00001212'],
		])('returns null for %s without throwing', (_label, raw) => {
			expect(() => toE164(raw as string, 'US')).not.toThrow();
			expect(toE164(raw as string, 'US')).toBeNull();
		});

		it.each([
			['an object', {}],
			['an array', ['GB']],
			['an object whose toString throws', throwingToString],
			['a number', 44],
			['a 100k-character string', 'G'.repeat(100_000)],
		])('treats %s as default country as no country', (_label, country) => {
			expect(toE164('020 7946 0958', country as string)).toBeNull();
			expect(toE164('+442079460958', country as string)).toBe('+442079460958');
		});
	});

	describe('agreement with libphonenumber-js on every country example mobile number', () => {
		// Countries where toE164 differs on purpose, each with the reason.
		const expectedDifferences: { country: string; reason: string }[] = [
			{ country: 'AR', reason: 'a national mobile drops "15" and gains a 9 in E.164' },
			{ country: 'TA', reason: 'four-digit numbers: +2908999 is under the 8-digit floor' },
			{ country: 'TK', reason: 'four-digit numbers: +6907290 is under the 8-digit floor' },
		];

		const comparisons = getCountries().flatMap((country) => {
			const example = getExampleNumber(country, examples);
			if (example === undefined) return [];

			const national = example.formatNational();
			return [{ country, national, ours: toE164(national, country), theirs: example.number }];
		});
		const disagreements = comparisons.filter(({ ours, theirs }) => ours !== theirs);

		it('compares one example for every country', () => {
			expect(comparisons).toHaveLength(getCountries().length);
			expect(comparisons.length).toBeGreaterThan(200);
		});

		it('disagrees only where expected, and for at most 10 countries', () => {
			const expected = new Set(expectedDifferences.map(({ country }) => country));
			const disagreeing = new Set<string>(disagreements.map(({ country }) => country));

			const unexpected = disagreements.filter(({ country }) => !expected.has(country));
			const nowAgreeing = [...expected].filter((country) => !disagreeing.has(country));

			expect({ unexpected, nowAgreeing }).toEqual({ unexpected: [], nowAgreeing: [] });
			expect(expectedDifferences.length).toBeLessThanOrEqual(10);
		});
	});
});

describe('isKnownCountry', () => {
	it.each(['GB', 'gb', 'US', 'it', 'VA', 'XK'])('knows %j', (code) => {
		expect(isKnownCountry(code)).toBe(true);
	});

	it.each(['', 'ZZ', 'UK', 'GBR', 'G', '__proto__', 'constructor', 'toString', '44'])(
		'does not know %j',
		(code) => {
			expect(isKnownCountry(code)).toBe(false);
		},
	);

	it('does not throw on a value that is not a string', () => {
		expect(isKnownCountry({} as string)).toBe(false);
		expect(isKnownCountry(null as unknown as string)).toBe(false);
	});
});

describe('COUNTRY_CALLING_CODES', () => {
	it('has the calling code libphonenumber-js gives for every one of its countries', () => {
		const fromLibrary = Object.fromEntries(
			getCountries().map((country) => [country, getCountryCallingCode(country)]),
		);

		expect(COUNTRY_CALLING_CODES).toEqual(fromLibrary);
		expect(Object.keys(COUNTRY_CALLING_CODES)).toHaveLength(245);
	});

	it('shares calling codes where countries share a numbering plan', () => {
		expect(COUNTRY_CALLING_CODES.US).toBe('1');
		expect(COUNTRY_CALLING_CODES.CA).toBe('1');
		expect(COUNTRY_CALLING_CODES.RU).toBe('7');
		expect(COUNTRY_CALLING_CODES.KZ).toBe('7');
		expect(COUNTRY_CALLING_CODES.VA).toBe('39');
		expect(COUNTRY_CALLING_CODES.GG).toBe('44');
	});

	it('cannot be changed at run time', () => {
		expect(Object.isFrozen(COUNTRY_CALLING_CODES)).toBe(true);
	});
});
