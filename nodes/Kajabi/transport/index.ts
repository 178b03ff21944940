// The Kajabi node reaches Kajabi only through the shared transport, which the Kajabi Trigger
// can use as well: one request function, retries with backoff, and paging.
export {
	KAJABI_CREDENTIAL_TYPE,
	kajabiApiRequest,
	kajabiApiRequestAllItems,
	nextPagePath,
	nextLinkOf,
} from '../../shared/transport';
export type {
	KajabiFunctions,
	KajabiRequest,
	ListRequest,
	ListResult,
} from '../../shared/transport';
