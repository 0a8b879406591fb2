import { fromDoc, toDoc, type Doc } from './docs'

// The grid map's documents (streets, communities, grids) are kept as versions, so an import
// can write them in batches and still land all or nothing. CloudBase has no batch write
// that gives each document its own content except an insert of new _ids, and a transaction
// takes one document a request (TOOLCHAIN.md), so an import never rewrites a document in
// place: it inserts the records it changes as new versions stamped with the generation it
// is making, then moves that generation in one transaction (mapImport.ts). Each map
// collection holds a marker document naming its committed generation, read in the same
// query as the records, so a reader costs what it did before versions and only ever sees
// a whole import: versions newer than the marker are invisible, and of the rest a record
// shows its newest, unless that one marks it removed.

/** The map's generation and the import lease: `value`, `importing` (mapImport.ts). */
export const MAP_GENERATION_ID = 'map_generation'
/** Each map collection's marker. `!` sorts before every record id, so a walk in _id order reads it first and judges later pages by it. */
export const MAP_MARKER_ID = '!map'
/** The field a version carries beside its record: never part of the record. */
export const STAMP_FIELD = '_map'

export interface Stamp {
  /** the record's id (the document's _id is `<id>:<generation>`) */
  id: string
  /** the import that wrote it; 0 for a document written before versions, seen until replaced */
  gen: number
  /** the record is gone from this generation on */
  removed?: true
}

// Record ids are chosen by imports and seeds (`g-<code>`, `c1`); ':' separates the generation.
export const versionId = (recordId: string, gen: number) => `${recordId}:${gen}`
/** The _id range of a record's versions: from `id:` up to, not including, `id;` (';' follows ':'). */
export const versionRange = (recordId: string) => ({ from: `${recordId}:`, before: `${recordId};` })

export const stampOf = (doc: Doc): Stamp => (doc[STAMP_FIELD] as Stamp | undefined) ?? { id: doc._id, gen: 0 }

// The SDK turns any object shaped like GeoJSON ({ type: 'Polygon', coordinates }) into a
// database geo value and hands back Geo objects on reads, so a grid's or community's
// geometry is kept as JSON text: it is never queried by the database (routing is in memory).
type WithGeometry = { id: string; geometry?: unknown }
export function geoDoc<T extends WithGeometry>(record: T): Doc {
  return toDoc(record.geometry === undefined ? record : { ...record, geometry: JSON.stringify(record.geometry) })
}
export function withGeometry<T extends WithGeometry>(record: T | null): T | null {
  return record && typeof record.geometry === 'string' ? { ...record, geometry: JSON.parse(record.geometry) } : record
}

/** A record as the version of `gen`. */
export function versionDoc(record: WithGeometry, gen: number): Doc {
  return { ...geoDoc(record), _id: versionId(record.id, gen), [STAMP_FIELD]: { id: record.id, gen } }
}

/** The mark that a record is gone from `gen` on. */
export const removalDoc = (recordId: string, gen: number): Doc => ({ _id: versionId(recordId, gen), [STAMP_FIELD]: { id: recordId, gen, removed: true } })

export const markerDoc = (generation: number) => ({ generation })

/** The generation a collection's readers see: its marker's, 0 before the first versioned import. */
export const committedIn = (docs: Doc[]) => Number(docs.find((d) => d._id === MAP_MARKER_ID)?.generation ?? 0)

/** A version as its record: the record's own id, stamp and geometry text undone. */
export const recordOf = <T extends WithGeometry>(doc: Doc): T => withGeometry({ ...fromDoc<T>(doc, [STAMP_FIELD]), id: stampOf(doc).id })!

/** Each record's version at `generation`, in record id order; records removed by then left out. */
export function visibleAt(docs: Doc[], generation: number): Doc[] {
  const newest = new Map<string, Doc>()
  for (const doc of docs) {
    if (doc._id === MAP_MARKER_ID) continue
    const { id, gen } = stampOf(doc)
    const seen = newest.get(id)
    if (gen <= generation && (!seen || stampOf(seen).gen < gen)) newest.set(id, doc)
  }
  return [...newest.keys()].sort().flatMap((id) => (stampOf(newest.get(id)!).removed ? [] : [newest.get(id)!]))
}

/**
 * What an import removes before it writes `committed + 1`: versions newer than the committed
 * generation (a failed import's, never seen), versions neither the committed generation nor
 * the one before shows (a walk of many pages that began before the last import may still
 * be on it), and a removal mark with nothing older left to hide.
 */
export function unneededVersions(docs: Doc[], committed: number): string[] {
  const byRecord = new Map<string, Doc[]>()
  for (const doc of docs) if (doc._id !== MAP_MARKER_ID) byRecord.set(stampOf(doc).id, [...(byRecord.get(stampOf(doc).id) ?? []), doc])
  const unneeded: string[] = []
  for (const versions of byRecord.values()) {
    const shownAt = (g: number) => versions.filter((d) => stampOf(d).gen <= g).sort((a, b) => stampOf(b).gen - stampOf(a).gen)[0]
    const kept = new Set([shownAt(committed), shownAt(committed - 1)].filter((d): d is Doc => !!d))
    const oldest = [...kept].sort((a, b) => stampOf(a).gen - stampOf(b).gen)[0]
    if (oldest && stampOf(oldest).removed) kept.delete(oldest)
    for (const d of versions) if (!kept.has(d)) unneeded.push(d._id)
  }
  return unneeded
}
