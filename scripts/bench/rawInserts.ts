import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

// The floor the submission path is held to: better-sqlite3 committing one ~1 KB JSON row per
// transaction, with the store's own durability settings (WAL + synchronous=FULL), on the
// same disk as the host's data folder.

export function rawSingleRowInserts(dir: string, seconds: number): { rowsPerSecond: number; rows: number } {
  mkdirSync(dir, { recursive: true })
  const db = new Database(join(dir, 'raw-inserts.sqlite'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT')
    const insert = db.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)')
    const doc = (i: number) =>
      JSON.stringify({
        category: 'garbage',
        description: `${(i % 40) + 1}号楼东侧垃圾堆放多日无人清理，气味很大，影响居民出行，请尽快处理。`.repeat(3),
        photos: [`f_${i.toString(36).padStart(16, '0')}`],
        location: { lng: 114.0575 + (i % 100) * 1e-5, lat: 22.54113, accuracyM: 15 },
        routing: { outcome: 'inside', gridId: 'g-lianhua1-1', gridVersion: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c-lianhua1', streetId: 's-huafu' },
        createdAt: Date.now(),
      }).padEnd(1024, ' ')
    for (let i = 0; i < 200; i++) insert.run(`warm${i}`, doc(i))
    let rows = 0
    const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9))
    const t = process.hrtime.bigint()
    while (process.hrtime.bigint() < end) {
      insert.run(`d${rows}`, doc(rows))
      rows++
    }
    return { rowsPerSecond: rows / (Number(process.hrtime.bigint() - t) / 1e9), rows }
  } finally {
    db.close()
  }
}
