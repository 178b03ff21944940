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
