import fc from 'fast-check'

// Hostile values for the fuzz suite: what a tampered client, a replayed request or a broken
// proxy could put anywhere in a body. Everything here is what JSON can carry, plus the
// numbers JSON cannot (NaN, ±Infinity, -0) that a JavaScript caller can still hand over.

export const UNICODE_EDGES = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800', // lone and reversed surrogates
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', // zero-width
  '\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', // bidi
  'e\u0301', '\u0301\u0301\u0301', 'Z\u0336\u0327\u031B\u0334\u0358', // combining marks
  '👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍⚕️', '🇨🇳', '😀', // emoji, ZWJ sequences, a flag
  '\u0000', '\u0001', '\u0008', '\u001B', '\u001F', '\u007F', '\u0085', '\u2028', '\u2029', '\r\n', '\t',
  'مرحبا بالعالم', 'שלום עולם', '\u202Eabc', // right-to-left
  '\uFFFD', '\uFFFE', '\uFFFF', '\u{10FFFF}', '𠮷', '　',
  "'; DROP TABLE reports; --", '%', '_', '\\', '"', '${x}', '<script>', '../../etc/passwd', 'null', 'NaN',
  '赌博网站', // a word the local content check refuses: the refusal path is exercised too
]

/** Own keys that mean something to JavaScript; JSON.parse makes them real own properties. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'length', '0', '']

const PROTO_JSON = [
  '{"__proto__":{"polluted":"yes","role":"district_admin"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":"x","constructor":1,"prototype":true,"toString":"x","valueOf":1,"hasOwnProperty":null}',
  '[{"__proto__":{"length":1e9}}]',
  '{"length":1e9,"0":"a"}',
  // a length that cannot be compared with a number: it throws when coerced
  '{"length":{"toString":null,"valueOf":null}}',
  '[{"length":{"toString":null}}]',
]

/** An object whose keys are all own data properties, `__proto__` included. */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

const fresh = <T>(...makers: (() => T)[]) => fc.constantFrom(...makers).map((make) => make())

export const wrongType = fresh<unknown>(() => null, () => true, () => false, () => [], () => ({}), () => '', () => 0, () => '0', () => '1', () => 'true', () => '[]', () => '{}', () => [null], () => [[]], () => ({ value: 1 }))

export const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, -1, 0.5, 1.5, 1 - 1e-16, 1e21, 4.000000000000001),
  fc.double(),
  fc.integer(),
)

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))

export const edgeString = fc.oneof(
  fc.array(fc.constantFrom(...UNICODE_EDGES), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: loneSurrogate, maxLength: 8 }),
  fc.constantFrom('', ' ', '   \t\n', '\u3000\u3000', '\u200B\u200B\u200B\u200B\u200B\u200B'),
  // as values, for ids and codes looked up in a table: an object's own keys are not the only ones it answers
  fc.constantFrom(...PROTO_KEYS),
  // long enough for a text field's minimum, so the text reaches the use case and the store
  fc.tuple(fc.constantFrom('消防通道被电动车堵住了', '已联系物业清走电动车', '处理得很及时'), fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 1, maxLength: 6 }))
    .map(([text, edges]) => edges.reduce((s, e, i) => s.slice(0, i + 1) + e + s.slice(i + 1), text)),
)

// Repeated, these make one endless character: combining marks, and joiners between flag halves.
const HUGE_UNITS = ['a', '汉', '👨‍👩‍👧‍👦', '\u0000', 'e\u0301', '\uD800', '\u202E', ' ', '\u0301', '\u200D🇨']
const HUGE_PIECES = ['a', '汉', '\u200D', '🇨', '\u0301', '\uD800', '\u202E', ' ', '\u0000', '👨']

/** Up to 100k characters, built by repetition so it costs nothing to make. */
export const hugeString = fc
  .tuple(
    fc.oneof(fc.constantFrom(...HUGE_UNITS), fc.array(fc.constantFrom(...HUGE_PIECES), { minLength: 1, maxLength: 3 }).map((p) => p.join(''))),
    fc.integer({ min: 257, max: 100_000 }),
  )
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n))

/** Arrays and objects 50–500 levels deep. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 500 }), fc.constantFrom('array', 'object', 'alternating', 'proto'), fc.oneof(wrongType, hostileNumber, edgeString))
  .map(([depth, kind, leaf]) => {
    let v: unknown = leaf
    for (let i = 0; i < depth; i++) {
      if (kind === 'array' || (kind === 'alternating' && i % 2)) v = [v]
      else v = ownObject([[kind === 'proto' ? '__proto__' : 'a', v]])
    }
    return v
  })

export const protoObject = fc.constantFrom(...PROTO_JSON).map((json) => JSON.parse(json) as unknown)

export const hostileKey = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 }), edgeString)

/** Random JSON-ish values: any type, any depth up to a few levels, hostile at the leaves. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    wrongType, hostileNumber, edgeString, protoObject,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(ownObject),
  ),
})).value

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wrongType, weight: 3 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: edgeString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: protoObject, weight: 2 },
  { arbitrary: jsonish, weight: 2 },
)

/** requestIds: valid ones (so creates go through), near misses, and anything at all. */
export const requestId = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 8, maxLength: 64 }), weight: 3 },
  { arbitrary: fc.constantFrom('short', 'a'.repeat(65), 'has space1', 'abcdefg\u0000', 'abcdefgh\n', '全角的请求编号编号编号', '________', '--------'), weight: 1 },
  { arbitrary: hostileValue, weight: 1 },
)

// The paging cursor is base64url JSON that the server decodes: cursors of the right lists
// with hostile keys, and encodings that are not JSON at all.
const CURSOR_LISTS = ['reports', 'inbox', 'queue', 'messages', 'queue:community', '__proto__', '']
export const cursor = fc.oneof(
  fc.tuple(fc.constantFrom(...CURSOR_LISTS), fc.array(fc.oneof(hostileNumber, edgeString, wrongType, fc.constantFrom(null, 't_1', 'zzzzzz')), { maxLength: 4 }))
    .map(([list, key]) => Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url')),
  fc.uint8Array({ maxLength: 120 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.constantFrom('', '=', '====', 'bnVsbA', 'W10', 'e30', 'WyJyZXBvcnRzIl0', 'WyJpbmJveCIsbnVsbCxudWxsLG51bGxd', '%%%'),
)
