import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'yaml';

/**
 * The request and response types the Kajabi node compiles against are generated from the spec in
 * `spec/`. This regenerates them with the pinned generator and compares, so a spec update without
 * `npm run generate:api-types` (or a hand edit of the generated file) fails here.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SPEC = join(ROOT, 'spec', 'kajabi-openapi.yaml');
const COMMITTED = join(ROOT, 'nodes', 'shared', 'kajabiApi', 'openapi.generated.ts');
const GENERATOR = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

describe('generated Kajabi API types', () => {
	let folder: string;

	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'kajabi-types-'));
	});

	afterAll(() => {
		rmSync(folder, { recursive: true, force: true });
	});

	it('match what openapi-typescript makes of spec/kajabi-openapi.yaml today', () => {
		const fresh = join(folder, 'openapi.generated.ts');
		execFileSync(process.execPath, [GENERATOR, SPEC, '-o', fresh], { stdio: 'pipe' });

		const committed = readFileSync(COMMITTED, 'utf8');
		const regenerated = readFileSync(fresh, 'utf8');
		expect(regenerated.length).toBeGreaterThan(10_000);
		expect(committed).toBe(regenerated);
	});

	it('cover every path of the spec', () => {
		const spec = parse(readFileSync(SPEC, 'utf8')) as { paths: Record<string, unknown> };
		const committed = readFileSync(COMMITTED, 'utf8');
		const specPaths = Object.keys(spec.paths);

		expect(specPaths.length).toBeGreaterThan(40);
		for (const path of specPaths) {
			expect(committed).toContain(`"${path}": {`);
		}
	});
});
