/**
 * Where a body's shape differs from a sample's: missing or extra keys at any depth, or a value
 * of another JSON type. A null in the sample accepts any value (the sample does not say what
 * type fills it); an empty array in the sample accepts any items.
 */
export function shapeDifferences(actual: unknown, sample: unknown, path = '$'): string[] {
	if (sample === null) return [];

	if (Array.isArray(sample)) {
		if (!Array.isArray(actual)) return [`${path}: expected an array`];
		if (sample.length === 0) return [];
		return actual.flatMap((item, index) =>
			shapeDifferences(item, sample[Math.min(index, sample.length - 1)], `${path}[${index}]`),
		);
	}

	if (typeof sample === 'object') {
		if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
			return [`${path}: expected an object`];
		}
		const expectedKeys = Object.keys(sample);
		const actualKeys = Object.keys(actual);
		return [
			...expectedKeys
				.filter((key) => !actualKeys.includes(key))
				.map((key) => `${path}.${key}: missing`),
			...actualKeys
				.filter((key) => !expectedKeys.includes(key))
				.map((key) => `${path}.${key}: not in the sample`),
			...expectedKeys
				.filter((key) => actualKeys.includes(key))
				.flatMap((key) =>
					shapeDifferences(
						(actual as Record<string, unknown>)[key],
						(sample as Record<string, unknown>)[key],
						`${path}.${key}`,
					),
				),
		];
	}

	return actual === null || typeof actual === typeof sample
		? []
		: [`${path}: expected a ${typeof sample}`];
}
