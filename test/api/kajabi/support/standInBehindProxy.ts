import {
	createKajabiStandIn,
	type KajabiStandIn,
	type SeedData,
} from '../../../../scripts/kajabi-stand-in';
import { startRecordingProxy, type RecordingProxy } from './recordingProxy';
import { removeUserFolder } from './runKajabiNode';

export interface StandInBehindProxy {
	standIn: KajabiStandIn;
	/** Every request on its way to the stand-in, to count and to hold to Kajabi's spec. */
	proxy: RecordingProxy;
}

/**
 * Starts the Kajabi stand-in with a recording proxy in front for the test file, and gives each
 * test a clean start: no faults, zeroed counters, no recorded exchanges, no proxy hook.
 */
export function useStandInBehindProxy(seed?: (defaults: SeedData) => SeedData): StandInBehindProxy {
	const fixture = {} as StandInBehindProxy;

	beforeAll(async () => {
		fixture.standIn = await createKajabiStandIn({ port: 0, ...(seed ? { seed } : {}) });
		fixture.proxy = await startRecordingProxy(fixture.standIn.url);
	});

	afterAll(async () => {
		await fixture.proxy?.close();
		await fixture.standIn?.close();
		removeUserFolder();
	});

	beforeEach(async () => {
		await fixture.standIn.control.resetFaults();
		fixture.standIn.control.resetCounters();
		fixture.proxy.exchanges.length = 0;
		fixture.proxy.beforeForward = undefined;
	});

	return fixture;
}
