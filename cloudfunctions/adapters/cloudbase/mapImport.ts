import { randomUUID } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { MapChange } from '../../app/ports'
import { insertAll, removeAll } from './batchWrites'
import { abandon, COLLECTIONS, isDuplicate, startTransaction, type Doc, type Transaction } from './docs'
import { MAP_GENERATION_ID, MAP_MARKER_ID, markerDoc, removalDoc, unneededVersions, versionDoc } from './mapDocs'
import { byId, mapStamps } from './reads'

// One import of the grid map, all or nothing for readers. It costs 12 requests, plus one per
// batch inserted or removed and one per 1,000 documents its clean-up walks; never one a record.
// 1. take the import lease on `meta/map_generation` (one import at a time) and read the
//    committed generation G;
// 2. clean up: versions of a failed import (newer than G) and versions nobody reads any more;
// 3. insert the new versions, stamped G + 1, in batches: invisible, as G + 1 is not committed;
// 4. commit: one transaction moves `meta/map_generation` and the three collections' markers
//    to G + 1 and ends the lease. Readers see the new map from then on, whole.
// A failure before the commit leaves the old map served; the lease is given back (or runs
// out, if the function died) and the next import removes what this one left.

/** Longer than any function may run (60 s, scripts/build-functions.mjs): a lease past its time belongs to an import that is gone. */
export const MAP_LEASE_MS = 120_000

const MAP_COLLECTIONS = [COLLECTIONS.streets, COLLECTIONS.communities, COLLECTIONS.grids] as const

/** Another import holds the map: the admin's situation, answered as CONFLICT (shared/errors.ts). */
export class MapImportBusyError extends Error {
  readonly code = 'CONFLICT' as const
  constructor(message = '另一次网格导入正在进行，请两分钟后再试') {
    super(message)
    this.name = 'MapImportBusyError'
  }
}

interface MetaDoc { value?: number; importing?: { token: string; until: number } }

export async function importMap(db: Db, change: MapChange, now: number): Promise<number> {
  const token = randomUUID()
  try {
    const committed = await takeLease(db, token, now)
    const next = committed + 1
    for (const collection of MAP_COLLECTIONS) await removeAll(db, collection, unneededVersions(await mapStamps(db, collection), committed))
    for (const [collection, docs] of versionsOf(change, next)) await insertAll(db, collection, docs)
    await commit(db, token, committed, next)
    return next
  } catch (err) {
    // also when the claim went through but the read after it failed; another import's lease is left alone
    await giveBack(db, token)
    throw err
  }
}

/** The change as new versions per collection; a grid both written and removed is removed, as the SQLite store does. */
function versionsOf(change: MapChange, gen: number): [string, Doc[]][] {
  const last = <T extends { id: string }>(records: T[] = []) => [...new Map(records.map((r) => [r.id, r])).values()]
  const removed = new Set(change.removedGridIds ?? [])
  return [
    [COLLECTIONS.streets, last(change.streets).map((s) => versionDoc(s, gen))],
    [COLLECTIONS.communities, last(change.communities).map((c) => versionDoc(c, gen))],
    [COLLECTIONS.grids, [...last(change.grids).filter((g) => !removed.has(g.id)).map((g) => versionDoc(g, gen)), ...[...removed].map((id) => removalDoc(id, gen))]],
  ]
}

/** Claims the lease when no live import holds it; answers the committed generation. */
async function takeLease(db: Db, token: string, now: number): Promise<number> {
  const _ = db.command
  const meta = db.collection(COLLECTIONS.meta)
  const lease = { token, until: now + MAP_LEASE_MS }
  const free = _.or([{ importing: _.exists(false) }, { 'importing.until': _.lt(now) }])
  const claimed = await meta.where(_.and([{ _id: MAP_GENERATION_ID }, free])).update({ importing: _.set(lease) })
  const doc = await byId<MetaDoc>(db, COLLECTIONS.meta, MAP_GENERATION_ID)
  if (claimed.updated && doc?.importing?.token === token) return doc.value ?? 0
  if (doc) throw new MapImportBusyError()
  try {
    // the first import of an environment: no generation document yet
    await meta.add({ _id: MAP_GENERATION_ID, value: 0, importing: lease })
    return 0
  } catch (err) {
    if (isDuplicate(err)) throw new MapImportBusyError()
    throw err
  }
}

/** The commit point: the generation and the markers move together, if the lease is still this import's. */
async function commit(db: Db, token: string, committed: number, next: number): Promise<void> {
  const _ = db.command
  let tx: Transaction | null = null
  try {
    tx = await startTransaction(db)
    const meta = (await tx.collection(COLLECTIONS.meta).doc(MAP_GENERATION_ID).get()).data as MetaDoc | null
    // a lease that ran out may have passed to another import, which may have committed
    if (meta?.importing?.token !== token || (meta.value ?? 0) !== committed) throw new MapImportBusyError('网格导入用时过长，已被另一次导入接替，本次未导入任何内容')
    await tx.collection(COLLECTIONS.meta).doc(MAP_GENERATION_ID).update({ value: next, importing: _.remove() })
    for (const collection of MAP_COLLECTIONS) await tx.collection(collection).doc(MAP_MARKER_ID).set(markerDoc(next))
    await tx.commit()
  } catch (err) {
    await abandon(tx)
    throw err
  }
}

/** Ends this import's lease after a failure; if that fails too, the lease runs out on its own. */
async function giveBack(db: Db, token: string): Promise<void> {
  const _ = db.command
  try {
    await db.collection(COLLECTIONS.meta).where({ _id: MAP_GENERATION_ID, 'importing.token': token }).update({ importing: _.remove() })
  } catch {
    // MAP_LEASE_MS bounds how long the next import waits
  }
}
