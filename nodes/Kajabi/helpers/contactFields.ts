import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ContactAttributes } from '../../shared/kajabiApi/types';

/**
 * The person fields shared by contacts and form submissions: the collection entries a user
 * fills in, and how they become Kajabi's attribute names. Custom fields are keyed by their
 * handle (`custom_1` ... `custom_150`), picked from the site's list by title.
 */

interface AttributeField {
	field: string;
	attribute: keyof ContactAttributes & string;
	displayName: string;
	description: string;
	type?: 'string' | 'boolean';
	placeholder?: string;
}

const PERSON_FIELDS: AttributeField[] = [
	{
		field: 'name',
		attribute: 'name',
		displayName: 'Name',
		description: 'The full name of the person',
	},
	{
		field: 'email',
		attribute: 'email',
		displayName: 'Email',
		description: 'The email address of the person',
		placeholder: 'name@email.com',
	},
	{
		field: 'phoneNumber',
		attribute: 'phone_number',
		displayName: 'Phone Number',
		description: 'The phone number of the person',
	},
	{
		field: 'businessNumber',
		attribute: 'business_number',
		displayName: 'Business Number',
		description: 'The business phone number of the person',
	},
	{
		field: 'addressLine1',
		attribute: 'address_line_1',
		displayName: 'Address Line 1',
		description: 'The first line of the street address',
	},
	{
		field: 'addressLine2',
		attribute: 'address_line_2',
		displayName: 'Address Line 2',
		description: 'The second line of the street address',
	},
	{
		field: 'addressCity',
		attribute: 'address_city',
		displayName: 'City',
		description: 'The city of the address',
	},
	{
		field: 'addressState',
		attribute: 'address_state',
		displayName: 'State',
		description: 'The state or region of the address',
	},
	{
		field: 'addressCountry',
		attribute: 'address_country',
		displayName: 'Country',
		description: 'The country of the address, as Kajabi stores it (for example US)',
	},
	{
		field: 'addressZip',
		attribute: 'address_zip',
		displayName: 'ZIP Code',
		description: 'The postal code of the address',
	},
];

const SUBSCRIBED_FIELD: AttributeField = {
	field: 'subscribed',
	attribute: 'subscribed',
	displayName: 'Subscribed',
	description: 'Whether the contact is subscribed to marketing emails',
	type: 'boolean',
};

const EXTERNAL_USER_ID_FIELD: AttributeField = {
	field: 'externalUserId',
	attribute: 'external_user_id',
	displayName: 'External User ID',
	description:
		'Your own ID for the person. Kajabi accepts it only once the contact has an offer or a purchase.',
};

function entryOf(field: AttributeField): INodeProperties {
	return field.type === 'boolean'
		? {
				displayName: field.displayName,
				name: field.field,
				type: 'boolean',
				default: false,
				description: field.description,
			}
		: {
				displayName: field.displayName,
				name: field.field,
				type: 'string',
				default: '',
				description: field.description,
				...(field.placeholder ? { placeholder: field.placeholder } : {}),
			};
}

export const customFieldsEntry: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'handle',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFieldHandles' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'The value to store in the custom field (a handle such as custom_1 picks it)',
				},
			],
		},
	],
	description: "Values for the site's custom fields",
};

export type PersonFieldSet = 'contactCreate' | 'contactUpdate' | 'formSubmission';

function fieldsOf(set: PersonFieldSet): AttributeField[] {
	const withoutNameAndEmail = PERSON_FIELDS.filter(
		(field) => field.field !== 'name' && field.field !== 'email',
	);
	if (set === 'contactCreate') {
		return [
			...PERSON_FIELDS.filter((field) => field.field === 'name'),
			...withoutNameAndEmail,
			SUBSCRIBED_FIELD,
		];
	}
	if (set === 'contactUpdate') return [...PERSON_FIELDS, SUBSCRIBED_FIELD, EXTERNAL_USER_ID_FIELD];
	return withoutNameAndEmail;
}

/** The collection of optional person fields, custom fields included. */
export function personFieldsCollection(
	set: PersonFieldSet,
	name: 'additionalFields' | 'updateFields',
): INodeProperties {
	const options = [...fieldsOf(set).map(entryOf), customFieldsEntry].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
	return {
		displayName: name === 'updateFields' ? 'Update Fields' : 'Additional Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

const CUSTOM_HANDLE = /^custom_\d+$/;

/** Kajabi attributes from the collection; a set field is sent even when emptied on purpose. */
export function readPersonFields(
	this: IExecuteFunctions,
	set: PersonFieldSet,
	name: 'additionalFields' | 'updateFields',
	itemIndex: number,
): ContactAttributes {
	const values = this.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const attributes: ContactAttributes = {};

	for (const field of fieldsOf(set)) {
		if (!(field.field in values)) continue;
		const value = values[field.field];
		(attributes as IDataObject)[field.attribute] =
			field.type === 'boolean' ? value === true : String(value ?? '').trim();
	}

	const custom = (values.customFields as IDataObject | undefined)?.field;
	for (const entry of Array.isArray(custom) ? (custom as IDataObject[]) : []) {
		const handle = String(entry.handle ?? '').trim();
		if (!CUSTOM_HANDLE.test(handle)) {
			throw new NodeOperationError(this.getNode(), `"${handle}" is not a custom field handle`, {
				itemIndex,
				description: 'Pick the custom field from the list, or give a handle such as custom_1.',
			});
		}
		attributes[handle as `custom_${number}`] = String(entry.value ?? '');
	}
	return attributes;
}
