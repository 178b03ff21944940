const fractionDigitsByCurrency = new Map<string, number>();

/** How many minor units a currency has: 2 for USD, 0 for JPY, 3 for KWD; 2 when unknown. */
export function currencyFractionDigits(currency: string | null): number {
	if (currency === null) return 2;

	const code = currency.toUpperCase();
	const known = fractionDigitsByCurrency.get(code);
	if (known !== undefined) return known;

	let digits = 2;
	try {
		digits =
			new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
				.maximumFractionDigits ?? 2;
	} catch {
		// Not an ISO 4217 code: keep the common case.
	}
	fractionDigitsByCurrency.set(code, digits);
	return digits;
}

/** 1250 cents of USD is 12.5. */
export function minorToDecimal(minor: number | null, currency: string | null): number | null {
	if (minor === null) return null;
	const digits = currencyFractionDigits(currency);
	return Number((minor / 10 ** digits).toFixed(digits));
}

/** 12.5 USD is 1250 cents. */
export function decimalToMinor(amount: number | null, currency: string | null): number | null {
	if (amount === null) return null;
	return Math.round(amount * 10 ** currencyFractionDigits(currency));
}
