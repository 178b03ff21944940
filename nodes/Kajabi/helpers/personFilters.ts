import { filters } from './queryParts';

/**
 * The filters contacts and customers share (the spec gives both lists the same ones). These
 * are the ones a workflow usually segments by; the email-broadcast filters are left out.
 */
export const personFilters = filters([
	{
		key: 'filter[search]',
		displayName: 'Search',
		description: 'Fuzzy search over name and email',
	},
	{
		key: 'filter[name_contains]',
		displayName: 'Name Contains',
		description: 'Only people whose name contains this text',
	},
	{
		key: 'filter[email_contains]',
		displayName: 'Email Contains',
		description: 'Only people whose email contains this text',
	},
	{
		key: 'filter[phone_number_contains]',
		displayName: 'Phone Number Contains',
		description: 'Only people whose phone number contains this text',
	},
	{
		key: 'filter[address_city_contains]',
		displayName: 'City Contains',
		description: 'Only people whose city contains this text',
	},
	{
		key: 'filter[address_state_contains]',
		displayName: 'State Contains',
		description: 'Only people whose state contains this text',
	},
	{
		key: 'filter[address_country_contains]',
		displayName: 'Country Contains',
		description: 'Only people whose country contains this text',
	},
	{
		key: 'filter[address_zip_contains]',
		displayName: 'ZIP Code Contains',
		description: 'Only people whose postal code contains this text',
	},
	{
		key: 'filter[created_in_last]',
		displayName: 'Created in Last (Days)',
		description: 'Only people created in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[not_created_in_last]',
		displayName: 'Not Created in Last (Days)',
		description: 'Only people created before the last this many days',
		type: 'number',
	},
	{
		key: 'filter[joined_in_last]',
		displayName: 'Joined in Last (Days)',
		description: 'Only people who joined in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[active_in_last]',
		displayName: 'Active in Last (Days)',
		description: 'Only people active in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[inactive_in_last]',
		displayName: 'Inactive in Last (Days)',
		description: 'Only people inactive for the last this many days',
		type: 'number',
	},
	{
		key: 'filter[has_tag_id]',
		displayName: 'Has Tag ID',
		description: 'Only people with this contact tag',
	},
	{
		key: 'filter[has_all_tag_id]',
		displayName: 'Has All Tag IDs',
		description: 'Only people with all of these contact tags (IDs separated by commas)',
	},
	{
		key: 'filter[has_no_tag_id]',
		displayName: 'Has No Tag ID',
		description: 'Only people without this contact tag',
	},
	{
		key: 'filter[has_offer_id]',
		displayName: 'Has Offer ID',
		description: 'Only people granted this offer',
	},
	{
		key: 'filter[has_no_offer_id]',
		displayName: 'Has No Offer ID',
		description: 'Only people not granted this offer',
	},
	{
		key: 'filter[has_product_id]',
		displayName: 'Has Product ID',
		description: 'Only people who own this product',
	},
	{
		key: 'filter[has_active_product_id]',
		displayName: 'Has Active Product ID',
		description: 'Only people with an active membership to this product',
	},
	{
		key: 'filter[has_no_product_id]',
		displayName: 'Has No Product ID',
		description: 'Only people who do not own this product',
	},
	{
		key: 'filter[previously_owned_product_id]',
		displayName: 'Previously Owned Product ID',
		description: 'Only people who owned this product before',
	},
	{
		key: 'filter[used_coupon_code]',
		displayName: 'Used Coupon Code',
		description: 'Only people who used this coupon code',
	},
	{
		key: 'filter[submitted_form_id]',
		displayName: 'Submitted Form ID',
		description: 'Only people who submitted this form',
	},
	{
		key: 'filter[no_submitted_form_id]',
		displayName: 'Did Not Submit Form ID',
		description: 'Only people who have not submitted this form',
	},
	{
		key: 'filter[subscribed]',
		displayName: 'Subscribed',
		description: 'Whether to return only people subscribed to marketing emails',
		type: 'boolean',
	},
	{
		key: 'filter[never_subscribed]',
		displayName: 'Never Subscribed',
		description: 'Whether to return only people who never subscribed',
		type: 'boolean',
	},
	{
		key: 'filter[subscribed_in_last]',
		displayName: 'Subscribed in Last (Days)',
		description: 'Only people who subscribed in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[unsubscribed_in_last]',
		displayName: 'Unsubscribed in Last (Days)',
		description: 'Only people who unsubscribed in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[net_revenue_greater_than]',
		displayName: 'Net Revenue Greater Than',
		description: 'Only people whose net revenue is above this amount',
		type: 'number',
	},
	{
		key: 'filter[net_revenue_less_than]',
		displayName: 'Net Revenue Less Than',
		description: 'Only people whose net revenue is below this amount',
		type: 'number',
	},
	{
		key: 'filter[net_revenue_equal_to]',
		displayName: 'Net Revenue Equal To',
		description: 'Only people whose net revenue is exactly this amount',
		type: 'number',
	},
	{
		key: 'filter[is_hidden]',
		displayName: 'Hidden',
		description: 'Whether to return only hidden people',
		type: 'boolean',
	},
	{
		key: 'filter[is_hard_bouncing]',
		displayName: 'Hard Bouncing',
		description: 'Whether to return only people whose email hard bounces',
		type: 'boolean',
	},
	{
		key: 'filter[opened_email_in_last]',
		displayName: 'Opened Email in Last (Days)',
		description: 'Only people who opened an email in the last this many days',
		type: 'number',
	},
	{
		key: 'filter[clicked_email_in_last]',
		displayName: 'Clicked Email in Last (Days)',
		description: 'Only people who clicked an email in the last this many days',
		type: 'number',
	},
]);
