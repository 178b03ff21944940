import * as fs from 'fs';
import * as path from 'path';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Workflow {
	name: string;
	nodes: WorkflowNode[];
}
interface Variants {
	loopbackVariant(
		workflow: Workflow,
		captureUrl: string,
		options?: {
			kajabi?: { credential: { id: string; name: string }; siteId: string; routedTagId: string };
		},
	): Workflow;
}
interface Accounts {
	STAND_IN_ACCOUNT: {
		credential: { id: string; name: string };
		siteId: string;
		routedTagId: string;
	};
}

// Plain JavaScript modules the demo, the end-to-end and the queue-mode suites share.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loopbackVariant } = require('../../scripts/lib/workflow-variant') as Variants;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { STAND_IN_ACCOUNT } = require('../../scripts/lib/kajabi-account') as Accounts;

const example = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '..', '..', 'workflows', 'kajabi-lead-routing.json'),
		'utf8',
	),
) as Workflow;
const CAPTURE = 'http://127.0.0.1:40123';
const note = (workflow: Workflow) =>
	String(
		workflow.nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote')!.parameters.content,
	);

describe('the loopback variant of the example workflow', () => {
	it('says what it points at instead of asking for placeholders to be replaced', () => {
		const variant = loopbackVariant(example, CAPTURE, { kajabi: STAND_IN_ACCOUNT });

		expect(note(example)).toMatch(/replace the placeholders/);
		expect(note(variant)).not.toMatch(/REPLACE|replace the placeholders/);
		expect(note(variant)).toContain(CAPTURE);
		expect(note(variant)).toContain(`site ${STAND_IN_ACCOUNT.siteId}`);
		expect(note(loopbackVariant(example, CAPTURE))).toMatch(/no account/);
	});

	it('keeps every node of the example, by name, and leaves the example as it was', () => {
		const before = JSON.stringify(example);
		const variant = loopbackVariant(example, CAPTURE, { kajabi: STAND_IN_ACCOUNT });

		expect(variant.nodes.map((node) => node.name)).toEqual(example.nodes.map((node) => node.name));
		expect(JSON.stringify(example)).toBe(before);
	});
});
