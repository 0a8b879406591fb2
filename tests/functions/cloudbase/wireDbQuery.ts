// The query and update language of the wire database (wireDb.ts): EJSON as the node-sdk
// sends it (QuerySerializer / UpdateSerializer in node_modules/@cloudbase/database), with
// MongoDB's meaning, for the operators listed here and no others.

export type Doc = Record<string, any> & { _id: string }

/** A CloudBase error code and message, answered as `{code, message}`; WIRE_DB_UNSUPPORTED = not modelled here. */
export class WireDbError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

const unsupported = (what: string): never => {
  throw new WireDbError('WIRE_DB_UNSUPPORTED', `the wire database does not model ${what}`)
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v)
const NUMBERS = ['$numberInt', '$numberLong', '$numberDouble']

/** EJSON (canonical, as the SDK writes it) → plain values; numbers of every width become numbers. */
export function evaluate(value: unknown): any {
  if (Array.isArray(value)) return value.map(evaluate)
  if (!isObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && NUMBERS.includes(keys[0])) return Number(value[keys[0]])
  return Object.fromEntries(keys.map((k) => [k, evaluate(value[k])]))
}

/** A field by dotted path; undefined when missing. Paths through arrays are not modelled. */
export function getPath(doc: Record<string, any>, path: string): unknown {
  let at: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(at)) unsupported(`a path through an array (${path})`)
    if (!isObject(at)) return undefined
    at = at[part]
  }
  return at
}

function setPath(doc: Record<string, any>, path: string, value: unknown) {
  const parts = path.split('.')
  let at = doc
  for (const part of parts.slice(0, -1)) {
    if (at[part] === undefined || at[part] === null) at[part] = {}
    if (!isObject(at[part])) throw new WireDbError('DATABASE_REQUEST_FAILED', `Cannot create field '${parts[parts.length - 1]}' in element {${part}: ${JSON.stringify(at[part])}}`)
    at = at[part]
  }
  at[parts[parts.length - 1]] = value
}

function unsetPath(doc: Record<string, any>, path: string) {
  const parts = path.split('.')
  const parent = parts.length === 1 ? doc : getPath(doc, parts.slice(0, -1).join('.'))
  if (isObject(parent)) delete parent[parts[parts.length - 1]]
}

/** Equality as MongoDB has it for scalars and whole values; a null query value matches a missing field. */
function equals(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined
  if (Array.isArray(actual) && !Array.isArray(expected)) unsupported('equality against an array field (array membership)')
  return JSON.stringify(actual) === JSON.stringify(expected)
}

/** Range comparisons compare like with like, as MongoDB does across BSON types. */
function compare(actual: unknown, bound: unknown, test: (order: number) => boolean): boolean {
  if (typeof bound !== 'number' && typeof bound !== 'string') unsupported(`a range bound of type ${bound === null ? 'null' : typeof bound}`)
  if (typeof actual !== typeof bound) return false
  return test(actual! < bound! ? -1 : actual! > bound! ? 1 : 0)
}

const FIELD_OPERATORS: Record<string, (actual: unknown, operand: any) => boolean> = {
  $eq: equals,
  $ne: (a, v) => !equals(a, v),
  $gt: (a, v) => compare(a, v, (o) => o > 0),
  $gte: (a, v) => compare(a, v, (o) => o >= 0),
  $lt: (a, v) => compare(a, v, (o) => o < 0),
  $lte: (a, v) => compare(a, v, (o) => o <= 0),
  $in: (a, list) => (Array.isArray(list) ? list.some((v) => equals(a, v)) : unsupported('$in without a list')),
  $nin: (a, list) => (Array.isArray(list) ? !list.some((v) => equals(a, v)) : unsupported('$nin without a list')),
  $exists: (a, want) => (a !== undefined) === Boolean(want),
}

function fieldMatches(actual: unknown, condition: unknown): boolean {
  if (isObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
    return Object.entries(condition).every(([op, operand]) => {
      const test = FIELD_OPERATORS[op] ?? unsupported(`the query operator ${op}`)
      return test(actual, operand)
    })
  }
  return equals(actual, condition)
}

/** Whether a document matches a query: fields (dotted paths) ANDed, $and / $or nested. */
export function match(doc: Doc, query: Record<string, any>): boolean {
  return Object.entries(query).every(([k, condition]) => {
    if (k === '$and' || k === '$or') {
      if (!Array.isArray(condition)) unsupported(`${k} without a list`)
      return k === '$and' ? condition.every((q: any) => match(doc, q)) : condition.some((q: any) => match(doc, q))
    }
    if (k.startsWith('$')) unsupported(`the query operator ${k}`)
    return fieldMatches(getPath(doc, k), condition)
  })
}

/** MongoDB's sort order across types: missing and null, numbers, strings, objects, arrays, booleans. */
const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : Array.isArray(v) ? 4 : isObject(v) ? 3 : typeof v === 'boolean' ? 5 : 6)

function ascending(a: unknown, b: unknown): number {
  const byType = rank(a) - rank(b)
  if (byType !== 0) return byType
  if (rank(a) === 3 || rank(a) === 4) unsupported('sorting on an object or array field')
  return a! < b! ? -1 : a! > b! ? 1 : 0
}

/** `order` is `{field: 1 | -1, ...}`, its keys in priority order (the SDK's orderBy calls). */
export function sortDocs(docs: Doc[], order: Record<string, number>): Doc[] {
  const fields = Object.entries(order).map(([field, dir]) => (dir === 1 || dir === -1 ? { field, dir } : unsupported(`sort direction ${dir}`)))
  return [...docs].sort((x, y) => {
    for (const { field, dir } of fields) {
      const c = ascending(getPath(x, field), getPath(y, field))
      if (c !== 0) return c * dir
    }
    return 0
  })
}

/** `field()`: `{path: 1}` keeps only those fields (and _id), `{path: 0}` drops them; not both. */
export function project(doc: Doc, projection: Record<string, unknown>): Doc {
  const entries = Object.entries(projection)
  if (entries.some(([, v]) => v !== 0 && v !== 1)) unsupported('projection operators (slice, elemMatch)')
  const keep = entries.filter(([k, v]) => v === 1 && k !== '_id').map(([k]) => k)
  const drop = entries.filter(([, v]) => v === 0).map(([k]) => k)
  if (keep.length > 0 && drop.some((k) => k !== '_id')) unsupported('a projection that both keeps and drops fields')
  const out: Record<string, any> = keep.length > 0 ? { _id: doc._id } : structuredClone(doc)
  for (const path of keep) {
    const value = getPath(doc, path)
    if (value !== undefined) setPath(out, path, structuredClone(value))
  }
  for (const path of drop) unsetPath(out, path)
  return out as Doc
}

/** Refuses EJSON types the adapters never write ($date, $oid, geo, ...) inside stored data. */
function plainData(value: unknown, where: string): void {
  if (Array.isArray(value)) return value.forEach((v) => plainData(v, where))
  if (!isObject(value)) return
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) unsupported(`${k} in ${where}`)
    plainData(v, where)
  }
}

const UPDATE_OPERATORS = ['$set', '$inc', '$unset']

/**
 * The document after a write: merge = false replaces the body (doc(id).set, an insert);
 * merge = true applies $set (dotted paths), $inc and $unset (update(), _.set/_.inc/_.remove).
 */
export function update(doc: Doc, data: Record<string, any>, merge: boolean): Doc {
  if (!merge) {
    plainData(data, 'a document')
    const { _id, ...body } = data
    if (_id !== undefined && _id !== doc._id) throw new WireDbError('DATABASE_REQUEST_FAILED', '不能更新_id的值')
    return { _id: doc._id, ...structuredClone(body) }
  }
  const next = structuredClone(doc)
  for (const [op, fields] of Object.entries(data)) {
    if (!UPDATE_OPERATORS.includes(op)) unsupported(op.startsWith('$') ? `the update operator ${op}` : `a plain field (${op}) in a merging update`)
    for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
      if (path === '_id' || path.startsWith('_id.')) throw new WireDbError('DATABASE_REQUEST_FAILED', '不能更新_id的值')
      if (op === '$set') {
        plainData(value, `$set of ${path}`)
        setPath(next, path, structuredClone(value))
      } else if (op === '$unset') {
        unsetPath(next, path)
      } else {
        const current = getPath(next, path) ?? 0
        if (typeof current !== 'number' || typeof value !== 'number') throw new WireDbError('DATABASE_REQUEST_FAILED', `Cannot apply $inc to ${path}: not a number`)
        setPath(next, path, current + value)
      }
    }
  }
  return next
}
