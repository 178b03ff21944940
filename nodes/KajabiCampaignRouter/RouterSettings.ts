import type { INodeProperties } from 'n8n-workflow';

export const routerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		default: 'outputPerCampaign',
		options: [
			{
				name: 'One Output per Campaign',
				value: 'outputPerCampaign',
				description:
					'Each campaign in the table gets its own output, plus Fallback for leads that match none',
			},
			{
				name: 'Annotate Only',
				value: 'annotate',
				description: 'One output; every lead gains campaign and routedBy fields',
			},
		],
	},
	{
		displayName: 'Conditions (Checked First)',
		name: 'conditions',
		type: 'fixedCollection',
		placeholder: 'Add condition',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description:
			"Checked in this order before the form table; the first that matches and names a campaign decides. All but Has Tag need the Kajabi node's Enrich Lead operation before this node.",
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				// Read as a sentence: when ..., send to campaign ..., with priority ...
				// eslint-disable-next-line n8n-nodes-base/node-param-fixed-collection-type-unsorted-items
				values: [
					{
						displayName: 'When',
						name: 'kind',
						type: 'options',
						default: 'customerStatus',
						options: [
							{
								name: 'Customer Status Is',
								value: 'customerStatus',
								description: 'Lead, customer or former customer, as Enrich Lead derives it',
							},
							{
								name: 'Engagement Score Is at Least',
								value: 'engagementAtLeast',
								description: 'The count of high-value tags Enrich Lead found',
							},
							{
								name: 'Has Tag',
								value: 'hasTag',
								description: 'A tag by name or ID, on the profile or on the delivery itself',
							},
							{
								name: 'Lacks Tag',
								value: 'lacksTag',
								description: 'A tag by name or ID that the enriched profile does not have',
							},
						],
					},
					{
						displayName: 'Customer Status',
						name: 'customerStatus',
						type: 'options',
						default: 'customer',
						displayOptions: { show: { kind: ['customerStatus'] } },
						options: [
							{ name: 'Customer', value: 'customer' },
							{ name: 'Former Customer', value: 'former_customer' },
							{ name: 'Lead', value: 'lead' },
						],
					},
					{
						displayName: 'Tag',
						name: 'tag',
						type: 'string',
						default: '',
						placeholder: 'VIP',
						displayOptions: { show: { kind: ['hasTag', 'lacksTag'] } },
						description: "The tag's name (any case) or its Kajabi ID",
					},
					{
						displayName: 'Threshold',
						name: 'threshold',
						type: 'number',
						default: 3,
						displayOptions: { show: { kind: ['engagementAtLeast'] } },
					},
					{
						displayName: 'Campaign',
						name: 'campaign',
						type: 'string',
						default: '',
						placeholder: 'e.g. upsell',
						description: 'Campaign for matching leads. Empty only sets the priority and goes on.',
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'string',
						default: '',
						placeholder: 'e.g. high',
						description: "Written to the item's priority field when this matches first",
					},
				],
			},
		],
	},
	{
		displayName: 'Match Form By',
		name: 'matchFormBy',
		type: 'options',
		default: 'id',
		options: [
			{
				name: 'Form ID',
				value: 'id',
				description: "The number in the form's address in Kajabi, e.g. 2001",
			},
			{
				name: 'Form Title',
				value: 'title',
				description: "The form's title, ignoring upper and lower case",
			},
		],
	},
	{
		displayName: 'Campaigns',
		name: 'rules',
		type: 'fixedCollection',
		placeholder: 'Add form',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Which campaign each form belongs to. Several forms can share a campaign.',
		options: [
			{
				displayName: 'Form',
				name: 'rule',
				values: [
					{
						displayName: 'Form',
						name: 'form',
						type: 'string',
						default: '',
						placeholder: '2001',
						description: "The form's ID or title, as chosen in Match Form By",
					},
					{
						displayName: 'Campaign',
						name: 'campaign',
						type: 'string',
						default: '',
						placeholder: 'webinar',
						description: 'The campaign name; it also names the output',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Campaign',
		name: 'defaultCampaign',
		type: 'string',
		default: '',
		placeholder: 'newsletter',
		description:
			'Campaign for leads whose form is not in the table. They leave through Fallback unless this names a campaign of the table. Empty leaves campaign null.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Items Without a Form',
				name: 'itemsWithoutForm',
				type: 'options',
				default: 'error',
				options: [
					{
						name: 'Stop With an Error',
						value: 'error',
						description: 'Such an item is an error (or an error item with Continue On Fail)',
					},
					{
						name: 'Use Default Campaign',
						value: 'defaultCampaign',
						description: 'Purchases, payments and tag changes go to the default campaign',
					},
				],
			},
		],
	},
];
