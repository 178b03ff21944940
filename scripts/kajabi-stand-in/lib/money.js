'use strict';

/** Amounts as Kajabi writes them: cents to "$12.50", and net revenue as a decimal string. */

function formatCents(cents) {
	const sign = cents < 0 ? '-' : '';
	return `${sign}$${(Math.abs(cents) / 100).toFixed(2)}`;
}

// Kajabi writes net revenue as a decimal string ("0.0", "497.0", "29.99").
function decimalString(amount) {
	return Number.isInteger(amount) ? `${amount}.0` : String(amount);
}

module.exports = { decimalString, formatCents };
