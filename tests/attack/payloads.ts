import fc from 'fast-check'
import type * as z from 'zod'
import { cursor, edgeString, hostileKey, hostileValue, hugeString, jsonish, ownObject, PROTO_KEYS, requestId, wrongType } from './arbitraries'

// Payloads of one action: random ones that ignore its schema, ones typed field by field
// with hostile values, and near-valid ones (the fixture's valid payload with one thing
// changed), which are the ones that get past the schema into the use case and the store.

type Path = (string | number)[]
type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Every field path the schema names, nested objects and the first element of arrays included. */
export function schemaPaths(schema: z.ZodType, at: Path = []): Path[] {
  const def = defOf(schema)
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return schemaPaths(def.innerType!, at)
  if (def.type === 'array') return [[...at, 0], ...schemaPaths(def.element!, [...at, 0])]
  if (def.type !== 'object') return []
  return Object.entries(def.shape!).flatMap(([k, s]) => [[...at, k], ...schemaPaths(s, [...at, k])])
}

/** Every path of a value, containers and leaves. */
export function valuePaths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...valuePaths(x, [...at, i])])
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...valuePaths(x, [...at, k])])
  return []
}

const getAt = (v: unknown, path: Path): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v)

/** A copy of `valid` with `value` at `path` (undefined: the field removed), as own data properties. */
export function withValueAt(valid: Record<string, unknown>, path: Path, value: unknown, remove = false): Record<string, unknown> {
  const copy = structuredClone(valid)
  let o: Record<string | number, unknown> = copy
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') Object.defineProperty(o, k, { value: {}, enumerable: true, writable: true, configurable: true })
    o = o[k] as Record<string | number, unknown>
  }
  const last = path[path.length - 1]
  if (remove) delete o[last]
  else Object.defineProperty(o, last, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Values close to a valid one: off by one, of the right type but out of range, or dressed up. */
function nearMiss(v: unknown, key: string | number): fc.Arbitrary<unknown> {
  const appended = (s: string) => fc.oneof(edgeString, hugeString).map((e) => s + e)
  if (key === 'cursor') return cursor
  if (typeof v === 'number') return fc.constantFrom(v + 1, v - 1, -v, v + 0.5, v * 1e12, 0, String(v), [v], v + Number.EPSILON * 4)
  if (typeof v === 'boolean') return fc.constantFrom('true', 'false', 1, 0, !v, [v])
  if (typeof v === 'string') return fc.oneof(fc.constantFrom('', ' ', ` ${v} `, v.toUpperCase(), v + v, v.slice(1), `${v}\u0000`, `\u202E${v}`, v.repeat(20), v.normalize('NFD'), [v], { v }), appended(v))
  if (Array.isArray(v)) return fc.oneof(fc.constantFrom([], [...v, ...v], Array(12).fill(v[0]), [v[0], null], [[...v]], v.map(String)), hostileValue.map((h) => [...v, h]))
  if (v && typeof v === 'object') return fc.oneof(fc.constantFrom({}, [v], JSON.stringify(v)), hostileValue)
  return fc.oneof(edgeString, hugeString, wrongType)
}

export function nearValid(valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<unknown> {
  const keyOf = (p: Path) => p[p.length - 1]
  const seen = new Set<string>()
  const paths = [...valuePaths(valid), ...schemaPaths(schema)].filter((p) => !seen.has(p.join('\u0001')) && !!seen.add(p.join('\u0001')))
  const containers: Path[] = [[], ...paths.filter((p) => { const v = getAt(valid, p); return !!v && typeof v === 'object' && !Array.isArray(v) })]
  if (paths.length === 0) return fc.array(fc.tuple(hostileKey, hostileValue), { minLength: 1, maxLength: 3 }).map((extra) => ({ ...valid, ...ownObject(extra) }))
  const replaced = fc.constantFrom(...paths).chain((p) => fc.tuple(fc.constant(p), fc.oneof(nearMiss(getAt(valid, p), keyOf(p)), hostileValue)))
    .map(([p, value]) => withValueAt(valid, p, value))
  const removed = fc.constantFrom(...paths).map((p) => withValueAt(valid, p, undefined, true))
  // an extra own key beside valid ones: the schema should strip it, never store or obey it
  // a hostile key with a value that is valid elsewhere: the way into a record's keys (answers)
  const leaves = paths.map((p) => getAt(valid, p)).filter((v) => v !== undefined && (v === null || typeof v !== 'object'))
  const extraValue = fc.oneof(hostileValue, fc.constant(valid).map((v) => structuredClone(v)), ...(leaves.length ? [fc.constantFrom(...leaves)] : []))
  const extra = fc.tuple(fc.constantFrom(...containers), fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileKey, hugeString), extraValue)
    .map(([at, key, value]) => withValueAt(valid, [...at, key], value))
  return fc.oneof({ arbitrary: replaced, weight: 6 }, { arbitrary: removed, weight: 1 }, { arbitrary: extra, weight: 2 })
}

/** Each top-level field of the schema present or not, with any hostile value. */
export function typedRandom(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = schemaPaths(schema).filter((p) => p.length === 1).map((p) => String(p[0]))
  return fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
}

export function payloadOf(valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: nearValid(valid, schema), weight: 6 },
    { arbitrary: typedRandom(schema), weight: 2 },
    { arbitrary: hostileValue, weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  )
}

const WEIRD_ACTIONS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ' me', 'me ', 'ME', 'me\u0000', 'ｍｅ', 'user.me', '*', '']

/** A request body of this action; one in five a broken envelope (no object, no action, odd keys). */
export function bodyOf(action: string, payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const wellFormed = fc.tuple(payload, fc.option(requestId, { nil: undefined })).map(([p, id]) => (id === undefined ? { action, payload: p } : { action, payload: p, requestId: id }))
  return fc.oneof({ arbitrary: wellFormed, weight: 4 }, { arbitrary: brokenEnvelope(action, payload), weight: 1 })
}

export function brokenEnvelope(action: string, payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const actionName = fc.oneof(fc.constant(action), fc.constantFrom(...WEIRD_ACTIONS), hostileValue, fc.constant(action.repeat(40)))
  const envelope = fc.tuple(
    fc.record({ action: actionName, payload: fc.oneof(payload, hostileValue), requestId }, { requiredKeys: [] }),
    fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 2 }),
  ).map(([fields, extra]) => ownObject([...Object.entries(fields), ...extra]))
  return fc.oneof(envelope, hostileValue, jsonish, fc.constant(undefined))
}
