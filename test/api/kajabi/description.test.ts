import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Kajabi } from '../../../nodes/Kajabi/Kajabi.node';
import { RESOURCES } from '../../../nodes/Kajabi/actions/resources';

const node = new Kajabi();
const { description } = node;

test('the node is a Kajabi action node usable as an AI tool, needing the Kajabi credential', () => {
	expect(description).toMatchObject({
		name: 'kajabi',
		displayName: 'Kajabi',
		usableAsTool: true,
		credentials: [{ name: 'kajabiOAuth2Api', required: true }],
		icon: { light: 'file:../../icons/kajabi.svg', dark: 'file:../../icons/kajabi.dark.svg' },
	});
});

test('offers every resource with its operations, each with an action for the AI tool', () => {
	const counts = Object.fromEntries(
		RESOURCES.map((resource) => [resource.option.value, resource.operations.length]),
	);
	expect(counts).toEqual({
		accessToken: 1,
		blogPost: 2,
		contact: 6,
		contactNote: 5,
		contactOffer: 4,
		contactTag: 6,
		course: 2,
		customField: 2,
		customer: 2,
		customerOffer: 4,
		form: 3,
		formSubmission: 2,
		hook: 5,
		landingPage: 2,
		lead: 1,
		me: 1,
		offer: 3,
		order: 2,
		orderItem: 2,
		payout: 2,
		podcast: 2,
		product: 2,
		purchase: 5,
		site: 2,
		transaction: 2,
		version: 1,
		websitePage: 2,
	});
	for (const resource of RESOURCES) {
		for (const operation of resource.operations) {
			expect(operation.option.action).toMatch(/^[A-Z][a-z]/);
		}
		expect(resource.operations.map((operation) => operation.option.value)).toContain(
			resource.defaultOperation,
		);
	}
});

test('every field is shown for exactly one resource and operation, or is a selector', () => {
	const fields = description.properties.filter(
		(property) => property.name !== 'resource' && property.name !== 'operation',
	);
	for (const field of fields) {
		expect(field.displayOptions?.show?.resource).toHaveLength(1);
		expect(field.displayOptions?.show?.operation).toHaveLength(1);
	}
});

test('every dropdown and list the fields use is one the node provides', () => {
	const methods = new Set<string>();
	const visit = (properties: INodeProperties[]) => {
		for (const property of properties) {
			if (property.typeOptions?.loadOptionsMethod)
				methods.add(property.typeOptions.loadOptionsMethod);
			for (const mode of property.modes ?? []) {
				if (mode.typeOptions?.searchListMethod) methods.add(mode.typeOptions.searchListMethod);
			}
			for (const option of (property.options ?? []) as Array<
				INodeProperties | { values?: INodeProperties[] }
			>) {
				if ('values' in option && option.values) visit(option.values);
				else if ('displayName' in option) visit([option as INodeProperties]);
			}
		}
	};
	visit(description.properties);

	const provided = new Set([
		...Object.keys(node.methods.listSearch),
		...Object.keys(node.methods.loadOptions),
	]);
	expect([...methods].filter((method) => !provided.has(method))).toEqual([]);
	expect([...provided].filter((method) => !methods.has(method))).toEqual([]);
});

test('options read alphabetically, as n8n lists them', () => {
	const names = (options: INodePropertyOptions[]) => options.map((option) => option.name);
	const resources = description.properties.find((property) => property.name === 'resource');
	const list = names(resources?.options as INodePropertyOptions[]);
	expect(list).toEqual([...list].sort((a, b) => a.localeCompare(b)));
});
