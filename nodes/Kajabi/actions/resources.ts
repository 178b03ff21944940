import type { KajabiOperation, KajabiResource } from '../helpers/types';
import { accessToken } from './accessToken';
import { blogPost } from './blogPost';
import { contact } from './contact';
import { contactNote } from './contactNote';
import { contactOffer } from './contactOffer';
import { contactTag } from './contactTag';
import { course } from './course';
import { customer } from './customer';
import { customerOffer } from './customerOffer';
import { customField } from './customField';
import { form } from './form';
import { formSubmission } from './formSubmission';
import { hook } from './hook';
import { landingPage } from './landingPage';
import { lead } from './lead';
import { me } from './me';
import { offer } from './offer';
import { order } from './order';
import { orderItem } from './orderItem';
import { payout } from './payout';
import { podcast } from './podcast';
import { product } from './product';
import { purchase } from './purchase';
import { site } from './site';
import { transaction } from './transaction';
import { version } from './version';
import { websitePage } from './websitePage';

/** Every resource of the node, in the order of the Resource dropdown (alphabetical). */
export const RESOURCES: KajabiResource[] = [
	accessToken,
	blogPost,
	contact,
	contactNote,
	contactOffer,
	contactTag,
	course,
	customField,
	customer,
	customerOffer,
	form,
	formSubmission,
	hook,
	payout,
	landingPage,
	lead,
	me,
	offer,
	order,
	orderItem,
	podcast,
	product,
	purchase,
	site,
	transaction,
	version,
	websitePage,
].sort((a, b) => a.option.name.localeCompare(b.option.name));

export function findOperation(resource: string, operation: string): KajabiOperation | undefined {
	return RESOURCES.find((entry) => entry.option.value === resource)?.operations.find(
		(entry) => entry.option.value === operation,
	);
}
