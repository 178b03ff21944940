'use strict';

const fs = require('node:fs');
const path = require('node:path');

const fc = require('fast-check');

/**
 * Bodies anyone who learns a Trigger's URL could post: real Kajabi bodies broken in every way
 * (wrong types, missing parts, deep nesting, huge strings, unicode, `__proto__` and
 * `constructor` keys, ids as numbers), raw JSON text with repeated keys, text that is not JSON,
 * and form-encoded junk. Every delivery is bytes plus a content type (or none), so the same
 * delivery can go to the Trigger in-process and over HTTP to a real n8n:
 * `{ kind, contentType, body }`, the body a Buffer and the content type a string or null.
 */

const FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'kajabi');
const FIXTURE_TEXTS = fs
	.readdirSync(FIXTURES_DIR)
	.filter((name) => name.endsWith('.json'))
	.map((name) => fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

// The Trigger accepts 512 KB by default: these straddle that limit.
const HUGE_LENGTHS = [1_000, 60_000, 200_000, 300_000];

const JSON_CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'application/octet-stream',
	'application/x-www-form-urlencoded',
	null,
];
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'text/plain', null];

/** An object whose own keys include `__proto__`, as JSON.parse makes it (plain assignment would not). */
function withOwnKey(target, key, value) {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function nested(depth, leaf, asObject) {
	let value = leaf;
	for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
	return value;
}

const trickyText = fc.constantFrom(
	'',
	' ',
	'0',
	'-1',
	'1e309',
	'NaN',
	'null',
	'true',
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'ADA.Lovelace@Example.COM ',
	'𝓀𝒶𝒿𝒶𝒷𝒾@example.com',
	'ünïcødé@exämple.de',
	'@',
	'a@b',
	'\u0000\u0001',
	'\u202eevil',
	'+1 (415) 555-0134 ext. 99',
	'00000000000000000000000000000000000000000000000000000000000000000000',
	'{"event":"form_submission"}',
);

const protoObject = fc
	.constantFrom(
		'{"__proto__":{"polluted":"yes"}}',
		'{"constructor":{"prototype":{"polluted":"yes"}}}',
		'{"prototype":{"polluted":"yes"},"__proto__":[]}',
	)
	.map((text) => JSON.parse(text));

const hostileValue = fc.oneof(
	fc.constant(null),
	fc.boolean(),
	fc.integer(),
	fc.double().map((value) => (Number.isFinite(value) ? value : null)),
	fc.constantFrom(0, -0, 2 ** 53, -(2 ** 63), 1e308, 0.1, 2001),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	trickyText,
	fc
		.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', 'é', '😀'))
		.map(([length, unit]) => unit.repeat(length / unit.length)),
	fc.jsonValue({ maxDepth: 3 }),
	fc
		.tuple(fc.integer({ min: 10, max: 3_000 }), fc.boolean())
		.map(([depth, asObject]) => nested(depth, 'deep', asObject)),
	protoObject,
	fc.array(fc.oneof(fc.integer(), fc.string(), protoObject), { maxLength: 5 }),
);

// Each change names its place by a number taken modulo the body's count of places.
const mutation = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({ op: fc.constant('replace'), at: fc.nat(), value: hostileValue }),
	},
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('delete'), at: fc.nat() }) },
	{
		weight: 2,
		arbitrary: fc.record({
			op: fc.constant('ownKey'),
			at: fc.nat(),
			key: fc.constantFrom(...FORBIDDEN_KEYS),
			value: fc.oneof(protoObject, hostileValue),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({ op: fc.constant('wrap'), at: fc.nat(), inArray: fc.boolean() }),
	},
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('numericIds') }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('stringifyNumbers') }) },
);

/** Every place in a JSON value that holds a value, as `{ parent, key }`, the root's children first. */
function slotsOf(root) {
	const slots = [];
	const queue = [root];
	while (queue.length > 0) {
		const value = queue.shift();
		if (Array.isArray(value)) {
			value.forEach((child, index) => {
				slots.push({ parent: value, key: index });
				queue.push(child);
			});
		} else if (value !== null && typeof value === 'object') {
			for (const [key, child] of Object.entries(value)) {
				slots.push({ parent: value, key });
				queue.push(child);
			}
		}
	}
	return slots;
}

function mapLeaves(value, change) {
	for (const { parent, key } of slotsOf(value)) {
		const current = parent[key];
		if (current === null || typeof current !== 'object') {
			parent[key] = change(current, key);
		}
	}
	return value;
}

function applyMutation(root, change) {
	if (change.op === 'numericIds') {
		return mapLeaves(root, (leaf, key) =>
			typeof leaf === 'string' && /^\d{1,15}$/.test(leaf) && /id$/i.test(String(key))
				? Number(leaf)
				: leaf,
		);
	}
	if (change.op === 'stringifyNumbers') {
		return mapLeaves(root, (leaf) => (typeof leaf === 'number' ? String(leaf) : leaf));
	}

	const slots = slotsOf(root);
	if (slots.length === 0) return root;
	const { parent, key } = slots[change.at % slots.length];

	switch (change.op) {
		case 'replace':
			parent[key] = change.value;
			break;
		case 'delete':
			if (Array.isArray(parent)) parent.splice(key, 1);
			else delete parent[key];
			break;
		case 'ownKey': {
			const target = parent[key];
			if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
				withOwnKey(target, change.key, change.value);
			} else if (!Array.isArray(parent)) {
				withOwnKey(parent, change.key, change.value);
			}
			break;
		}
		case 'wrap':
			parent[key] = change.inArray ? [parent[key]] : { value: parent[key] };
			break;
	}
	return root;
}

const fixtureIndex = fc.nat({ max: FIXTURE_TEXTS.length - 1 });

const mutatedKajabiBody = fc
	.tuple(
		fixtureIndex,
		fc.array(mutation, { minLength: 1, maxLength: 4 }),
		fc.constantFrom(...JSON_CONTENT_TYPES),
	)
	.map(([index, mutations, contentType]) => {
		const body = mutations.reduce(
			(value, change) => applyMutation(value, change),
			JSON.parse(FIXTURE_TEXTS[index]),
		);
		return { kind: 'mutated Kajabi body', contentType, body: Buffer.from(JSON.stringify(body)) };
	});

/** `"event": "x"` written twice in one object: JSON.parse keeps the last, other parsers the first. */
const duplicatedKeys = fc
	.tuple(
		fixtureIndex,
		fc.constantFrom('event', 'id', 'email', 'type', 'payload', 'member_email', 'form'),
		hostileValue,
		fc.boolean(),
		fc.constantFrom(...JSON_CONTENT_TYPES),
	)
	.map(([index, key, value, before, contentType]) => {
		const written = JSON.stringify(value);
		const text = FIXTURE_TEXTS[index].replace(new RegExp(`"${key}"\\s*:`, 'g'), (match) =>
			before ? `"${key}": ${written}, ${match}` : `${match} ${written}, "${key}":`,
		);
		return { kind: 'repeated keys in raw JSON', contentType, body: Buffer.from(text) };
	});

const deepNesting = fc
	.tuple(
		fc.integer({ min: 1_000, max: 200_000 }),
		fc.constantFrom('[', '{"a":'),
		fc.boolean(),
		fc.constantFrom(...JSON_CONTENT_TYPES),
	)
	.map(([depth, opener, wrapped, contentType]) => {
		const closer = opener === '[' ? ']' : '}';
		const deep = `${opener.repeat(depth)}1${closer.repeat(depth)}`;
		const text = wrapped ? `{"event":"form_submission","payload":${deep}}` : deep;
		return { kind: 'deep nesting', contentType, body: Buffer.from(text) };
	});

const notJson = fc.oneof(
	fc
		.tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(...JSON_CONTENT_TYPES))
		.map(([text, contentType]) => ({ kind: 'text', contentType, body: Buffer.from(text) })),
	fc
		.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...JSON_CONTENT_TYPES))
		.map(([bytes, contentType]) => ({ kind: 'bytes', contentType, body: Buffer.from(bytes) })),
	fc
		.tuple(
			fixtureIndex,
			fc.double({ min: 0, max: 1, noNaN: true }),
			fc.constantFrom(...JSON_CONTENT_TYPES),
		)
		.map(([index, cut, contentType]) => {
			const text = FIXTURE_TEXTS[index];
			return {
				kind: 'cut-off JSON',
				contentType,
				body: Buffer.from(text.slice(0, Math.floor(text.length * cut))),
			};
		}),
	fc
		.tuple(
			fixtureIndex,
			fc.constantFrom('\uFEFF', '\u0000', ")]}',\n", 'for(;;);', '  \n\t'),
			fc.constantFrom(...JSON_CONTENT_TYPES),
		)
		.map(([index, prefix, contentType]) => ({
			kind: 'prefixed JSON',
			contentType,
			body: Buffer.from(prefix + FIXTURE_TEXTS[index]),
		})),
	fc
		.tuple(
			fc.constantFrom('null', 'true', '0', '"text"', '[]', '{}', '[null]', '[[]]', '1e999', '-'),
			fc.constantFrom(...JSON_CONTENT_TYPES),
		)
		.map(([text, contentType]) => ({ kind: 'JSON scalar', contentType, body: Buffer.from(text) })),
);

const formKey = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			'member_email',
			'payload[member_email]',
			'payload[member][email]',
			'event',
			'payload[__proto__][polluted]',
			'__proto__[polluted]',
			'constructor[prototype][polluted]',
			'payload[constructor][prototype][polluted]',
			'payload[0][type]',
			'payload[0][attributes][email]',
			'payload[]',
			'[]',
			'a[b',
			'a]b[',
			'',
		),
	},
	{ weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
	{
		weight: 1,
		arbitrary: fc.integer({ min: 1, max: 3_000 }).map((depth) => `payload${'[a]'.repeat(depth)}`),
	},
);
const formValue = fc.oneof(
	trickyText,
	fc.string({ maxLength: 30 }),
	fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%00', '+', '==', '&&'),
);

const formJunk = fc
	.tuple(
		fc.array(fc.tuple(formKey, formValue, fc.boolean()), { minLength: 1, maxLength: 12 }),
		fc.constantFrom(...FORM_CONTENT_TYPES),
	)
	.map(([pairs, contentType]) => {
		// Some pairs percent-encoded as a browser would, some written raw.
		const text = pairs
			.map(([key, value, encode]) =>
				encode ? `${encodeURIComponent(key)}=${encodeURIComponent(value)}` : `${key}=${value}`,
			)
			.join('&');
		return { kind: 'form-encoded junk', contentType, body: Buffer.from(text) };
	});

/** Any of the above, with mutated Kajabi bodies the most frequent. */
const hostileDelivery = fc.oneof(
	{ weight: 5, arbitrary: mutatedKajabiBody },
	{ weight: 2, arbitrary: duplicatedKeys },
	{ weight: 1, arbitrary: deepNesting },
	{ weight: 2, arbitrary: notJson },
	{ weight: 2, arbitrary: formJunk },
);

/** The seed both the in-process and the real-n8n runs use, so they see the same bodies. */
const HOSTILE_SEED = Number(process.env.KAJABI_HOSTILE_SEED ?? 20_240_517);

module.exports = { HOSTILE_SEED, hostileDelivery };
