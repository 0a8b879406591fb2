import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import type { AuditEntry } from '../../../shared/model'
import { allPages } from './fixtures'

// The audit log on SQLite: entries come back newest first, and the file itself refuses to
// change or remove one, whoever connects to it.

const T0 = Date.UTC(2025, 2, 3, 2, 0)
const entry = (id: string, at: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id, at, actorId: 'u_w1', actorName: '李网格', actorRole: 'grid_worker', action: 'reveal', field: 'idNumber',
  declarationId: 'd_1', personId: 'p_1', personName: '张*明', gridId: 'g1', reason: '核对证件照片', ...over,
})

describe('the audit log on SQLite', () => {
  let dir: string
  let file: string
  let store: SqliteStore
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-audit-'))
    file = path.join(dir, 'gridlink.sqlite')
    store = openSqliteStore(file)
  })
  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lists entries newest first, a page at a time', async () => {
    const entries = [entry('a_1', T0), entry('a_2', T0 + 5000, { field: 'phone' }), entry('a_3', T0 + 1000), entry('a_4', T0 + 5000)]
    for (const e of entries) await store.audit.append(e)
    const pages = await allPages((cursor) => store.audit.list({ limit: 3, cursor }))
    // the same moment: the larger id first
    expect(pages.map((p) => p.map((e) => e.id))).toEqual([['a_4', 'a_2', 'a_3'], ['a_1']])
    expect(pages.flat().find((e) => e.id === 'a_2')).toEqual(entries[1])
  })

  it('lists nothing before the first entry', async () => {
    expect(await store.audit.list({ limit: 20 })).toEqual({ items: [], nextCursor: null })
  })

  it('refuses a second entry with the same id, keeping the first', async () => {
    await store.audit.append(entry('a_1', T0))
    await expect(store.audit.append(entry('a_1', T0 + 1, { reason: '改写' }))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
    expect((await store.audit.list({ limit: 5 })).items).toEqual([entry('a_1', T0)])
  })

  it('cannot be changed or emptied through another connection to the file', async () => {
    await store.audit.append(entry('a_1', T0))
    const other = new Database(file)
    try {
      expect(() => other.prepare("UPDATE audit_log SET doc = json_set(doc, '$.reason', '无') WHERE id = 'a_1'").run()).toThrow('audit log is append-only')
      expect(() => other.prepare('DELETE FROM audit_log').run()).toThrow('audit log is append-only')
      expect(other.prepare('SELECT id, at, doc FROM audit_log').all()).toEqual([{ id: 'a_1', at: T0, doc: JSON.stringify(entry('a_1', T0)) }])
    } finally {
      other.close()
    }
    expect((await store.audit.list({ limit: 5 })).items).toEqual([entry('a_1', T0)])
  })
})
