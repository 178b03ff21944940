/** Types for the Kajabi stand-in (index.js), for the TypeScript tests that start it. */

// Records and bodies are plain JSON that tests read and build freely, so their values stay loose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonValue = any;

export interface ApiKey {
	name: string;
	clientId: string;
	clientSecret: string;
	permissions: string[];
}

/** One stored record: its id, owning site and Kajabi attributes, plus relation ids. */
export interface StandInRecord {
	id: string;
	siteId?: string;
	attributes: Record<string, JsonValue>;
	[relation: string]: JsonValue;
}

export interface StandInState {
	me: { id: string; name: string; email: string; roleLevel: string };
	apiKeys: ApiKey[];
	welcomeEmails: Array<{ contactId: string; offerId: string; sentAt: string }>;
	sites: StandInRecord[];
	contacts: StandInRecord[];
	contactTags: StandInRecord[];
	offers: StandInRecord[];
	products: StandInRecord[];
	courses: StandInRecord[];
	customers: StandInRecord[];
	purchases: StandInRecord[];
	transactions: StandInRecord[];
	orders: StandInRecord[];
	orderItems: StandInRecord[];
	fields: StandInRecord[];
	forms: StandInRecord[];
	formSubmissions: StandInRecord[];
	customFields: StandInRecord[];
	contactNotes: StandInRecord[];
	hooks: StandInRecord[];
	blogPosts: StandInRecord[];
	landingPages: StandInRecord[];
	websitePages: StandInRecord[];
	podcasts: StandInRecord[];
	payouts: StandInRecord[];
}

export type SeedData = Omit<StandInState, 'welcomeEmails'>;

export interface DeliveryRecord {
	id: number;
	kind: 'api_hook' | 'dashboard';
	hookId: string | null;
	event: string;
	target: string;
	copy: number;
	copies: number;
	state: 'pending' | 'delivered' | 'failed' | 'refused';
	statusCode: number | null;
	attempts: number;
	/** Each attempt's status code, null where it got no answer. */
	answers: Array<number | null>;
	ok: boolean;
	error: string | null;
	body?: JsonValue;
	startedAt: string;
	finishedAt: string | null;
	/** The id of the failed record this one sends again, or null. */
	redeliveryOf: number | null;
}

export interface Counters {
	requests: number;
	requestsByPath: Record<string, number>;
	requestsByOperation: Record<string, number>;
	tokenRequests: number;
	tokensIssued: number;
	rateLimited: number;
	injectedFailures: number;
	unavailable: number;
	deliveries: number;
}

export interface FaultState {
	rateLimit: { limit: number; windowSeconds: number; used: number } | null;
	failuresPending: number;
	latencyMs: number;
	down: 'unavailable' | 'refused' | null;
	deliveryRepeat: number;
}

export interface EventResult {
	deliveries: DeliveryRecord[];
	[record: string]: JsonValue;
}

export interface StandInControl {
	counters(): Counters;
	resetCounters(): void;
	deliveries(options?: { withBodies?: boolean }): DeliveryRecord[];
	clearDeliveries(): void;
	waitForDeliveries(
		count: number,
		options?: { filter?: (record: DeliveryRecord) => boolean; timeoutMs?: number },
	): Promise<DeliveryRecord[]>;
	idle(options?: { timeoutMs?: number }): Promise<DeliveryRecord[]>;
	/** Sends the failed deliveries among `ids` again, as new records; returns them. */
	redeliver(ids: number[]): DeliveryRecord[];
	faults(): FaultState;
	setRateLimit(options: { limit: number; windowSeconds?: number }): void;
	clearRateLimit(): void;
	failNext(options: { count: number; status?: number; pathPrefix?: string }): void;
	setLatency(ms: number): void;
	expireTokens(): void;
	revokeAllTokens(): void;
	setDeliveryRepeat(times: number): void;
	setDown(
		mode: 'unavailable' | 'refused',
		options?: { durationMs?: number },
	): Promise<{ down: string; durationMs: number | null }>;
	up(): Promise<{ down: null }>;
	resetFaults(): Promise<void>;
	createApiKey(options?: { permissions?: string[]; name?: string }): {
		clientId: string;
		clientSecret: string;
		permissions: string[];
	};
	deleteApiKey(clientId: string): boolean;
	createPurchase(options: { contactId: string; offerId: string; couponCode?: string }): EventResult;
	createPayment(options: { purchaseId: string }): EventResult;
	createOrder(options: { contactId: string; offerIds: string[] }): EventResult;
	checkout(options: { contactId: string; offerIds: string[] }): EventResult;
	addTag(options: { contactId: string; tagId: string }): { added: boolean };
	removeTag(options: { contactId: string; tagId: string }): { removed: boolean };
	sendDashboardPurchase(options: {
		url: string;
		purchaseId?: string;
		test?: boolean;
	}): DeliveryRecord[];
	welcomeEmails(): Array<{ contactId: string; offerId: string; sentAt: string }>;
}

export interface StandInOptions {
	port?: number;
	host?: string;
	tokenLifetimeSeconds?: number;
	seed?: Partial<SeedData> | ((defaults: SeedData) => SeedData);
	delivery?: { attempts?: number; timeoutMs?: number; backoffMs?: number };
	log?: (level: string, message: string, meta: Record<string, unknown>) => void;
}

export interface KajabiStandIn {
	url: string;
	port: number;
	state: StandInState;
	control: StandInControl;
	close(): Promise<void>;
}

export function createKajabiStandIn(options?: StandInOptions): Promise<KajabiStandIn>;

export const ROUTES: ReadonlyArray<{
	method: string;
	path: string;
	auth?: boolean;
	permission?: string | string[];
}>;

export const SEEDED_KEYS: { owner: ApiKey; formsOnly: ApiKey };
