import type { INodeProperties } from 'n8n-workflow';

import { contactTagLocator, formLocator, siteLocator } from '../Kajabi/helpers/parameters';
import { EVENT_TYPES, type LeadEventType } from '../shared/lead';

export interface TriggerSettings {
	secret?: string;
	secretLocation?: 'query' | 'header';
	parameterName?: string;
	duplicateWindowSeconds?: number;
	maxBodySizeKb?: number;
	invalidDeliveries?: 'reject' | 'passOn';
	includeRawBody?: boolean;
	defaultCountry?: string;
	customFieldNames?: { field?: Array<{ key: string; name: string }> };
}

export const DEFAULT_DUPLICATE_WINDOW_SECONDS = 600;
export const DEFAULT_MAX_BODY_SIZE_KB = 512;
export const DEFAULT_SECRET_NAME = { query: 'secret', header: 'x-kajabi-secret' } as const;

const EVENT_OPTIONS: Array<{ name: string; value: LeadEventType; description: string }> = [
	{
		name: 'Form Submission',
		value: 'form_submission',
		description: 'Someone submitted a Kajabi form (API hook or form webhook)',
	},
	{
		name: 'Purchase',
		value: 'purchase',
		description: 'An offer was bought (API hook purchase or dashboard Purchase Created)',
	},
	{
		name: 'Payment Succeeded',
		value: 'payment_succeeded',
		description: 'A payment went through, including subscription renewals',
	},
	{
		name: 'Order Created',
		value: 'order_created',
		description: 'A checkout order was placed (API hook order or dashboard Cart Purchase)',
	},
	{ name: 'Tag Added', value: 'tag_added', description: 'A tag was added to a contact' },
	{ name: 'Tag Removed', value: 'tag_removed', description: 'A tag was removed from a contact' },
	{
		name: 'Any Other Event',
		value: 'other',
		description: 'An event name Kajabi has not documented, passed on as it is',
	},
];

export const ALL_EVENTS: LeadEventType[] = [...EVENT_TYPES, 'other'];

const EVENT_NAMES = Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name]));

/** The canvas line under the node: one event by its name, otherwise how many are chosen. */
export const TRIGGER_SUBTITLE =
	'={{ $parameter["events"].length >= ' +
	ALL_EVENTS.length +
	' ? "All events" : $parameter["events"].length === 1 ? ' +
	JSON.stringify(EVENT_NAMES) +
	'[$parameter["events"][0]] : $parameter["events"].length + " events" }}';

const automatic = { show: { setup: ['automatic'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Setup',
		name: 'setup',
		type: 'options',
		noDataExpression: true,
		default: 'manual',
		options: [
			{
				name: 'Paste URL Into Kajabi',
				value: 'manual',
				description:
					'No Public API needed: paste the Production URL into a form, offer or checkout webhook setting',
			},
			{
				name: 'Register Hook Through Kajabi API',
				value: 'automatic',
				description:
					'With a Kajabi OAuth2 credential, the trigger creates its Kajabi hooks on publish and removes them on unpublish',
			},
		],
	},
	{
		displayName:
			"Open Webhook URLs above and choose Production URL: that is the URL to paste into Kajabi, in a form's or an offer's webhook setting. Publish the workflow to have it answer. While you listen for a test event, Kajabi must post to the Test URL instead.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { setup: ['manual'] } },
	},
	{
		displayName:
			"On publish, this trigger creates one Kajabi API hook per selected event (form_submission, purchase, payment_succeeded, order_created, tag_added, tag_removed) on the chosen site, limited to the Only Form or Only Tag below when set, with its Production URL as the hook's target. It deletes them when the workflow is unpublished. While you listen for a test event, it does the same for the Test URL and deletes those hooks when listening stops.",
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: automatic,
	},
	{
		...siteLocator(true, 'The Kajabi site whose events start this workflow'),
		displayOptions: automatic,
	},
	{
		...formLocator(
			'Only submissions of this form start the workflow. Leave empty for every form of the site.',
		),
		name: 'onlyFormId',
		displayName: 'Only Form',
		required: false,
		displayOptions: automatic,
	},
	{
		...contactTagLocator(
			"Only this tag's additions and removals start the workflow. Leave empty for every tag.",
		),
		name: 'onlyTagId',
		displayName: 'Only Tag',
		required: false,
		displayOptions: automatic,
	},
	{
		displayName: 'Confirm With Kajabi',
		name: 'confirmWithKajabi',
		type: 'boolean',
		default: false,
		displayOptions: automatic,
		description:
			"Whether to fetch each delivery's record from Kajabi before starting the workflow, and refuse (401) deliveries Kajabi does not know. Kajabi signs nothing, so this is the only proof a body came from Kajabi. Costs one API call per delivery.",
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		// ALL_EVENTS spelled out: n8n's lint wants a literal array as a multi-options default.
		default: [
			'form_submission',
			'purchase',
			'payment_succeeded',
			'order_created',
			'tag_added',
			'tag_removed',
			'other',
		],
		description:
			'Which Kajabi events start the workflow. Other deliveries are answered and dropped.',
	},
	{
		// n8n has no way for a webhook trigger to offer sample output, so point at the documented
		// item that can be pasted as mock data.
		displayName:
			'To map fields before Kajabi\'s first delivery, choose set mock data in the output panel and paste an example item from <a href="https://github.com/kajabi-connect/n8n-nodes-kajabi-connect/blob/main/docs/lead-item.md" target="_blank">the lead item reference</a>, or listen for a test event and post a sample body to the Test URL.',
		name: 'sampleOutputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Custom Field Names',
				name: 'customFieldNames',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add custom field name',
				default: {},
				description:
					"Names for Kajabi's custom fields. The item keeps custom_N and gains the name beside it.",
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Kajabi Field',
								name: 'key',
								type: 'string',
								default: 'custom_1',
								placeholder: 'custom_1',
								description: 'The handle Kajabi gives the field, from custom_1 to custom_150',
							},
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'favorite_course',
								description: 'The key the value also appears under in customFields',
							},
						],
					},
				],
			},
			{
				displayName: 'Default Phone Country',
				name: 'defaultCountry',
				type: 'string',
				default: 'US',
				placeholder: 'US',
				description:
					'Two-letter country for phone numbers written without a country code. Empty leaves such numbers out of contact.phone.',
			},
			{
				displayName: 'Duplicate Window (Seconds)',
				name: 'duplicateWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_DUPLICATE_WINDOW_SECONDS,
				description:
					'A delivery identical to one received within this time starts no second execution. 0 turns this off.',
			},
			{
				displayName: 'Include Raw Body',
				name: 'includeRawBody',
				type: 'boolean',
				default: false,
				description: 'Whether to add the body as Kajabi sent it to the item, under raw',
			},
			{
				displayName: 'Invalid Deliveries',
				name: 'invalidDeliveries',
				type: 'options',
				default: 'reject',
				options: [
					{
						name: 'Reject',
						value: 'reject',
						description: 'Answer with a 4xx and a JSON error, start nothing',
					},
					{
						name: 'Pass On with Error',
						value: 'passOn',
						description: 'Start the workflow with an item that has an error field and the body',
					},
				],
				description:
					'What to do with a body that is empty, not JSON, too large, of unknown shape, or a form submission without an email',
			},
			{
				displayName: 'Maximum Body Size (KB)',
				name: 'maxBodySizeKb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_BODY_SIZE_KB,
				description: 'Larger deliveries are refused with 413',
			},
			{
				displayName: 'Parameter or Header Name',
				name: 'parameterName',
				type: 'string',
				default: '',
				placeholder: 'secret',
				description:
					'Defaults to "secret" for a query parameter and "x-kajabi-secret" for a header',
			},
			{
				displayName: 'Secret Sent In',
				name: 'secretLocation',
				type: 'options',
				default: 'query',
				options: [
					{
						name: 'Query Parameter',
						value: 'query',
						description: 'Add ?secret=... to the URL you paste into Kajabi.',
					},
					{
						name: 'Header',
						value: 'header',
						description: 'For senders that can set headers, such as a relay',
					},
				],
			},
			{
				displayName: 'Shared Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Kajabi signs nothing, so anyone who learns the URL can post to it. With a secret set, deliveries without it get 401.',
			},
		],
	},
	{
		// n8n reads the body before a version-1 trigger runs unless this is set, and answers a body
		// that is not JSON with its own 422. The Trigger reads the bytes itself to give clear
		// errors and to pass bad deliveries on when asked.
		displayName: 'Body Handling',
		name: 'options',
		type: 'hidden',
		default: { binaryData: true },
	},
];
