import * as fs from 'fs';
import * as path from 'path';

import { RESOURCES } from '../../nodes/Kajabi/actions/resources';
import {
	DOC_FILE,
	renderOperationReference,
	withReference,
} from '../../scripts/docs/kajabiReference';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
	const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
	return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])));
}

function firstDifference(actual: string, expected: string): string | null {
	const a = actual.split('\n');
	const b = expected.split('\n');
	for (let line = 0; line < Math.max(a.length, b.length); line++) {
		if (a[line] !== b[line]) {
			return `line ${line + 1}: the page has ${JSON.stringify(a[line])}, the node gives ${JSON.stringify(b[line])}`;
		}
	}
	return null;
}

const pages = fs
	.readdirSync(DOCS)
	.filter((name) => name.endsWith('.md'))
	.map((name) => path.join(DOCS, name));

describe('docs/kajabi.md', () => {
	it('lists every operation and field exactly as the Kajabi node defines them (regenerate with npx tsx scripts/docs/kajabiReference.ts)', () => {
		const page = fs.readFileSync(DOC_FILE, 'utf8');

		expect(firstDifference(page, withReference(page, renderOperationReference()))).toBeNull();
	});

	it('has a section for each of the node operations', () => {
		const operations = RESOURCES.flatMap((resource) => resource.operations);
		const sections = fs.readFileSync(DOC_FILE, 'utf8').match(/^#### /gm) ?? [];

		expect(operations.length).toBeGreaterThan(70);
		expect(sections).toHaveLength(operations.length);
	});
});

describe('the docs pages', () => {
	it.each(pages.map((file) => [path.basename(file), file]))(
		'%s links only to files and headings that exist',
		(_name, file) => {
			const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
			const broken: string[] = [];

			for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
				if (/^[a-z]+:/.test(target)) continue;
				const [relative, anchor] = target.split('#');
				const linked = relative === '' ? file : path.resolve(path.dirname(file), relative);
				if (!fs.existsSync(linked)) {
					broken.push(target);
				} else if (anchor && linked.endsWith('.md') && !anchorsIn(linked).has(anchor)) {
					broken.push(target);
				}
			}

			expect(broken).toEqual([]);
		},
	);
});
