import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A text or number parameter, or the value of a resource locator, as a trimmed string. */
export function readText(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback = '',
): string {
	const value: unknown = this.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? value.trim() : '';
}

/** An ID the request cannot do without: an empty one stops the item with a clear message. */
export function readId(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const id = readText.call(this, name, itemIndex);
	if (id === '') {
		throw new NodeOperationError(this.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Enter the ${label} or pick it from the list.`,
		});
	}
	return id;
}

/**
 * Several IDs from a multi-select, or from an expression giving an array or a comma-separated
 * list. Duplicates are dropped, the order kept.
 */
export function splitIds(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [String(entry)]))
		: typeof value === 'string'
			? value.split(',')
			: typeof value === 'number'
				? [String(value)]
				: [];
	return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

export function readIds(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	{ allowNone = false } = {},
): string[] {
	const ids = splitIds(this.getNodeParameter(name, itemIndex, []));
	if (ids.length === 0 && !allowNone) {
		throw new NodeOperationError(this.getNode(), `No ${label} given`, {
			itemIndex,
			description: `Pick at least one from the list, or give IDs separated by commas.`,
		});
	}
	return ids;
}
