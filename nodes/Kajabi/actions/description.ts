import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { KajabiResource } from '../helpers/types';
import { RESOURCES } from './resources';

/**
 * The node's fields: the Resource dropdown, one Operation dropdown per resource, then every
 * operation's fields shown only for that resource and operation.
 */

function showFor(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const displayOptions: IDisplayOptions = {
		...property.displayOptions,
		show: {
			...property.displayOptions?.show,
			resource: [resource],
			operation: [operation],
		},
	};
	return { ...property, displayOptions };
}

function operationSelector(resource: KajabiResource): INodeProperties {
	const defaultOperation = resource.defaultOperation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.option.value] } },
		options: resource.operations
			.map((operation) => operation.option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map((resource) => resource.option),
	default: 'contact',
};

export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...RESOURCES.map(operationSelector),
	...RESOURCES.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			operation.properties.map((property) =>
				showFor(property, resource.option.value, operation.option.value),
			),
		),
	),
];

const ACTION_BY_OPERATION = Object.fromEntries(
	RESOURCES.flatMap((resource) =>
		resource.operations.map((operation) => [
			`${resource.option.value}.${operation.option.value}`,
			operation.option.action,
		]),
	),
);

/**
 * The canvas line under the node, in the same words as the node panel's actions ("Find a
 * contact by email") rather than the parameter values ("findByEmail: contact").
 */
export const OPERATION_SUBTITLE =
	'={{ ' +
	JSON.stringify(ACTION_BY_OPERATION) +
	'[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"] }}';
