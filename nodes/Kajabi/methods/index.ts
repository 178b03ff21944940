import { getContactTags, searchContactTags } from './listSearch/contactTags';
import { getCustomFieldHandles, searchCustomFields } from './listSearch/customFields';
import { searchForms } from './listSearch/forms';
import { getOffers, searchOffers } from './listSearch/offers';
import { searchSites } from './listSearch/sites';

export const listSearch = {
	searchContactTags,
	searchCustomFields,
	searchForms,
	searchOffers,
	searchSites,
};

export const loadOptions = {
	getContactTags,
	getCustomFieldHandles,
	getOffers,
};
