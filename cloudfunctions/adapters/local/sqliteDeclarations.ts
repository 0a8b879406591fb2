import type Database from 'better-sqlite3'
import type { DeclarationChange, Declarations, IdMatches, NewDeclaration, PageOf, PageQuery, RegisterCounts } from '../../app/ports'
import { OPEN_DECLARATION_STATUSES, type DeclarationStatus } from '../../../shared/declarations/words'
import type { Declaration, Resident } from '../../../shared/model'
import { decodeCursor, inOrder, pageSize, toPage } from '../paging'
import { keysetPage } from './keysetPage'
import { messageSteps } from './messageSteps'
import type { Step, WriteThread } from './writeThread'

// Declarations and the population register on SQLite. Each record is its JSON document
// (sealed ID numbers and phones only), with the columns its lists need beside it. The reads
// run on the host's connection; a create or a change is one job of the write thread, so the
// declaration, its blind-index rows, the residents it moves in or out and its messages
// commit together or not at all.

// Term for term the IN lists of the partial indexes of migration 8 (SQLite skips a partial
// index whose WHERE the query does not repeat).
const OPEN_IN = OPEN_DECLARATION_STATUSES.map((s) => `'${s}'`).join(',')
const SETTLED: readonly DeclarationStatus[] = ['rejected', 'withdrawn']
const SETTLED_IN = SETTLED.map((s) => `'${s}'`).join(',')

const DECLARATION_COLUMNS = 'id, request_key, declarant_id, grid_id, assignee_id, room_id, status, due_at, updated_at, created_at, version, anonymised_at, doc'
const RESIDENT_COLUMNS = 'id, room_id, building_id, grid_id, register_order, declarant_id, moved_out_at, anonymised_at, name, doc'

const declarationRow = (d: Declaration) => ({
  id: d.id, declarant_id: d.declarantId, grid_id: d.gridId, assignee_id: d.assigneeId, room_id: d.roomId,
  status: d.status, due_at: d.dueAt, updated_at: d.updatedAt, created_at: d.createdAt, version: d.version,
  anonymised_at: d.anonymisedAt, doc: JSON.stringify(d),
})

const residentRow = (r: Resident) => ({
  id: r.id, room_id: r.roomId, building_id: r.buildingId, grid_id: r.gridId, register_order: r.registerOrder, declarant_id: r.declarantId,
  moved_out_at: r.movedOut?.at ?? null, anonymised_at: r.anonymisedAt, name: r.name, doc: JSON.stringify(r),
})

/** The verification lists; exported so a test can check that their plans use the partial indexes. */
export function openDeclarationsSql(after: 'none' | 'due' | 'undated', by: 'grids' | 'gridsOrAssignee'): string {
  const keyset = {
    none: '',
    // undated ones (waiting on the declarant) sort last, as the inbox's undated tasks do
    due: 'AND (due_at IS NULL OR (due_at, created_at, id) > (@due, @created, @id))',
    undated: 'AND due_at IS NULL AND (created_at, id) > (@created, @id)',
  }[after]
  const which = {
    grids: `grid_id IN (SELECT value FROM json_each(@grids)) AND status IN (${OPEN_IN})`,
    // each side repeats the status list, so each is served from its partial index
    gridsOrAssignee: `((grid_id IN (SELECT value FROM json_each(@grids)) AND status IN (${OPEN_IN})) OR (assignee_id = @assignee AND status IN (${OPEN_IN})))`,
  }[by]
  return `SELECT doc FROM declarations WHERE ${which} ${keyset} ORDER BY due_at IS NULL, due_at, created_at, id LIMIT @limit`
}

/** The register's pages; exported for the plan test. */
export function registerSql(after: boolean, inBuilding: boolean): string {
  return `SELECT doc FROM residents WHERE grid_id = @grid AND moved_out = @moved AND anonymised_at IS NULL
    ${inBuilding ? 'AND building_id = @building' : ''}
    ${after ? 'AND (register_order, room_id, name, id) > (@o, @r, @n, @id)' : ''}
    ORDER BY register_order, room_id, name, id LIMIT @limit`
}

export const EXPIRED_SQL = {
  residents: `SELECT doc FROM residents WHERE moved_out_at IS NOT NULL AND anonymised_at IS NULL AND moved_out_at < @before
    ORDER BY moved_out_at, id LIMIT @limit`,
  declarations: `SELECT doc FROM declarations WHERE status IN (${SETTLED_IN}) AND anonymised_at IS NULL AND updated_at < @before
    ORDER BY updated_at, id LIMIT @limit`,
}

/** The duplicate and conflict lookup: the blind-index rows decide (a primary-key search); the
 * state test only keeps a stale row, were there one, from showing. Exported for the plan test. */
export const HOLDING_SQL = {
  residents: `SELECT doc FROM residents WHERE id IN (SELECT owner_id FROM id_index
    WHERE owner_kind = 'resident' AND blind_index IN (SELECT value FROM json_each(?)))
    AND moved_out_at IS NULL AND anonymised_at IS NULL ORDER BY id`,
  declarations: `SELECT doc FROM declarations WHERE id IN (SELECT owner_id FROM id_index
    WHERE owner_kind = 'declaration' AND blind_index IN (SELECT value FROM json_each(?)))
    AND status IN (${OPEN_IN}) ORDER BY id`,
}

// Run by the write thread (writeThread.ts), on its own connection.
const WRITES = {
  // the UNIQUE request key, not a prior read, picks the winner of two identical creates
  insertDeclaration: `INSERT INTO declarations (${DECLARATION_COLUMNS}) VALUES (@id, @request_key, @declarant_id, @grid_id,
    @assignee_id, @room_id, @status, @due_at, @updated_at, @created_at, @version, @anonymised_at, @doc)
    ON CONFLICT (request_key) DO NOTHING`,
  // the version guard: two workers deciding one declaration, the second matches no row
  updateDeclaration: `UPDATE declarations SET declarant_id = @declarant_id, grid_id = @grid_id, assignee_id = @assignee_id,
    room_id = @room_id, status = @status, due_at = @due_at, updated_at = @updated_at, version = @version,
    anonymised_at = @anonymised_at, doc = @doc WHERE id = @id AND version = @expected_version`,
  overwriteDeclaration: `UPDATE declarations SET declarant_id = @declarant_id, grid_id = @grid_id, assignee_id = @assignee_id,
    room_id = @room_id, status = @status, due_at = @due_at, updated_at = @updated_at, version = @version,
    anonymised_at = @anonymised_at, doc = @doc WHERE id = @id`,
  insertResident: `INSERT INTO residents (${RESIDENT_COLUMNS}) VALUES (@id, @room_id, @building_id, @grid_id, @register_order, @declarant_id,
    @moved_out_at, @anonymised_at, @name, @doc)`,
  moveOut: `UPDATE residents SET moved_out_at = @at, doc = json_set(doc, '$.movedOut', json(@moved_out))
    WHERE id = @id AND moved_out_at IS NULL`,
  overwriteResident: `UPDATE residents SET room_id = @room_id, building_id = @building_id, grid_id = @grid_id, register_order = @register_order,
    declarant_id = @declarant_id, moved_out_at = @moved_out_at, anonymised_at = @anonymised_at, name = @name, doc = @doc
    WHERE id = @id`,
  clearIndex: 'DELETE FROM id_index WHERE owner_kind = ? AND owner_id = ?',
  // two persons of one declaration with one number are refused by the use case; one row is enough anyway
  addIndex: 'INSERT INTO id_index (blind_index, owner_kind, owner_id, room_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
}

type Doc = { doc: string }
const parsed = <T>(rows: Doc[]) => rows.map((r) => JSON.parse(r.doc) as T)
const isOpen = (d: Declaration) => OPEN_DECLARATION_STATUSES.includes(d.status) && d.anonymisedAt === null
const isCurrent = (r: Resident) => r.movedOut === null && r.anonymisedAt === null

export class SqliteDeclarations implements Declarations {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      keyOwner: p<{ id: string }>('SELECT id FROM declarations WHERE request_key = ?'),
      one: p<Doc>('SELECT doc FROM declarations WHERE id = ?'),
      many: p<Doc>('SELECT doc FROM declarations WHERE id IN (SELECT value FROM json_each(?))'),
      mineFirst: p<Doc>('SELECT doc FROM declarations WHERE declarant_id = @user ORDER BY created_at DESC, id DESC LIMIT @limit'),
      mineAfter: p<Doc>(`SELECT doc FROM declarations WHERE declarant_id = @user AND (created_at, id) < (@created, @id)
        ORDER BY created_at DESC, id DESC LIMIT @limit`),
      open: {
        grids: [p<Doc>(openDeclarationsSql('none', 'grids')), p<Doc>(openDeclarationsSql('due', 'grids')), p<Doc>(openDeclarationsSql('undated', 'grids'))],
        gridsOrAssignee: [p<Doc>(openDeclarationsSql('none', 'gridsOrAssignee')), p<Doc>(openDeclarationsSql('due', 'gridsOrAssignee')), p<Doc>(openDeclarationsSql('undated', 'gridsOrAssignee'))],
      },
      ofRoom: p<Doc>('SELECT doc FROM residents WHERE room_id = ? AND moved_out_at IS NULL ORDER BY name, id'),
      residents: p<Doc>('SELECT doc FROM residents WHERE id IN (SELECT value FROM json_each(?))'),
      declaredBy: p<Doc>('SELECT doc FROM residents WHERE declarant_id = ? AND moved_out_at IS NULL ORDER BY room_id, name, id'),
      residentsHolding: p<Doc>(HOLDING_SQL.residents),
      declarationsHolding: p<Doc>(HOLDING_SQL.declarations),
      register: [[p<Doc>(registerSql(false, false)), p<Doc>(registerSql(false, true))], [p<Doc>(registerSql(true, false)), p<Doc>(registerSql(true, true))]],
      counts: p<{ grid_id: string; rooms: number; residents: number }>(`SELECT grid_id, count(DISTINCT room_id) AS rooms, count(*) AS residents
        FROM residents WHERE grid_id IN (SELECT value FROM json_each(?)) AND moved_out_at IS NULL GROUP BY grid_id`),
      expiredResidents: p<Doc>(EXPIRED_SQL.residents),
      expiredDeclarations: p<Doc>(EXPIRED_SQL.declarations),
    }
  }

  async create(input: NewDeclaration): Promise<{ declarationId: string; created: boolean }> {
    const { requestKey, declaration } = input
    const { stoppedAt } = await this.writer.run([
      { sql: WRITES.insertDeclaration, params: { ...declarationRow(declaration), request_key: requestKey }, ...(requestKey === null ? {} : { expect: 'changed' as const }) },
      ...this.declarationIndexSteps(declaration, true),
      ...messageSteps(input.messages),
    ])
    // stopped at the insert (nothing of this try kept): the key was taken by an earlier try
    if (stoppedAt !== null && requestKey !== null) return { declarationId: this.keyOwner(requestKey), created: false }
    return { declarationId: declaration.id, created: true }
  }

  private keyOwner(requestKey: string): string {
    const owner = this.s.keyOwner.get(requestKey)
    if (!owner) throw new Error(`declaration request key ${requestKey} vanished while claimed`)
    return owner.id
  }

  async get(id: string): Promise<Declaration | null> {
    const row = this.s.one.get(id)
    return row ? (JSON.parse(row.doc) as Declaration) : null
  }

  async getMany(ids: string[]): Promise<Declaration[]> {
    return ids.length === 0 ? [] : inOrder(ids, parsed<Declaration>(this.s.many.all(JSON.stringify(ids))))
  }

  async listByDeclarant(userId: string, page: PageQuery): Promise<PageOf<Declaration>> {
    const s = { first: this.s.mineFirst, after: this.s.mineAfter, key: 'created' }
    return keysetPage(s, { user: userId }, page, 'declarations', (r) => JSON.parse(r.doc) as Declaration, (d) => [d.createdAt, d.id])
  }

  async listOpen(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Declaration>> {
    const limit = pageSize(page.limit)
    if (gridIds.length === 0 && alsoAssignedTo === undefined) return { items: [], nextCursor: null }
    const [first, afterDue, afterUndated] = alsoAssignedTo === undefined ? this.s.open.grids : this.s.open.gridsOrAssignee
    const q = { grids: JSON.stringify(gridIds), assignee: alsoAssignedTo ?? null, limit: limit + 1 }
    let rows: Doc[]
    if (!page.cursor) rows = first.all(q)
    else {
      const [due, created, id] = decodeCursor('verifications', page.cursor, ['number?', 'number', 'string'])
      rows = due === null ? afterUndated.all({ ...q, created, id }) : afterDue.all({ ...q, due, created, id })
    }
    return toPage(parsed<Declaration>(rows), limit, 'verifications', (d) => [d.dueAt, d.createdAt, d.id])
  }

  async saveChange(change: DeclarationChange): Promise<boolean> {
    const { declaration: d, expectedVersion } = change
    if (d.version !== expectedVersion + 1) {
      throw new Error(`declaration ${d.id}: a change from version ${expectedVersion} must carry version ${expectedVersion + 1}, got ${d.version}`)
    }
    const steps: Step[] = [
      { sql: WRITES.updateDeclaration, params: { ...declarationRow(d), expected_version: expectedVersion }, expect: 'changed' },
      ...this.declarationIndexSteps(d, false),
    ]
    for (const r of change.addResidents ?? []) steps.push({ sql: WRITES.insertResident, params: residentRow(r) }, ...this.residentIndexSteps(r, true))
    if (change.moveOut) {
      const { residentIds, movedOut } = change.moveOut
      for (const id of residentIds) {
        steps.push(
          // a resident already gone is a bug upstream (the use case checks): the whole change fails
          { sql: WRITES.moveOut, params: { id, at: movedOut.at, moved_out: JSON.stringify(movedOut) }, expect: 'required', missing: `resident ${id} is not a current resident` },
          { sql: WRITES.clearIndex, params: ['resident', id] },
        )
      }
    }
    steps.push(...messageSteps(change.messages))
    const { stoppedAt } = await this.writer.run(steps)
    return stoppedAt === null
  }

  async roomResidents(roomId: string): Promise<Resident[]> {
    return parsed<Resident>(this.s.ofRoom.all(roomId))
  }

  async getResidents(ids: string[]): Promise<Resident[]> {
    return ids.length === 0 ? [] : inOrder(ids, parsed<Resident>(this.s.residents.all(JSON.stringify(ids))))
  }

  async residentsDeclaredBy(userId: string): Promise<Resident[]> {
    return parsed<Resident>(this.s.declaredBy.all(userId))
  }

  async findByIdIndexes(indexes: string[]): Promise<IdMatches> {
    const wanted = indexes.filter((i) => i !== '')
    if (wanted.length === 0) return { residents: [], declarations: [] }
    const json = JSON.stringify(wanted)
    return { residents: parsed<Resident>(this.s.residentsHolding.all(json)), declarations: parsed<Declaration>(this.s.declarationsHolding.all(json)) }
  }

  async listRegister(where: { gridId: string; buildingId?: string; movedOut: boolean }, page: PageQuery): Promise<PageOf<Resident>> {
    const limit = pageSize(page.limit)
    const list = where.movedOut ? 'moves' : 'register'
    const q = { grid: where.gridId, moved: where.movedOut ? 1 : 0, building: where.buildingId ?? null, limit: limit + 1 }
    const inBuilding = where.buildingId === undefined ? 0 : 1
    let rows: Doc[]
    if (!page.cursor) rows = this.s.register[0][inBuilding].all(q)
    else {
      const [o, r, n, id] = decodeCursor(list, page.cursor, ['string', 'string', 'string', 'string'])
      rows = this.s.register[1][inBuilding].all({ ...q, o, r, n, id })
    }
    return toPage(parsed<Resident>(rows), limit, list, (x) => [x.registerOrder, x.roomId, x.name, x.id])
  }

  async registerCounts(gridIds: string[]): Promise<Map<string, RegisterCounts>> {
    if (gridIds.length === 0) return new Map()
    return new Map(this.s.counts.all(JSON.stringify(gridIds)).map((r) => [r.grid_id, { verifiedRooms: r.rooms, residents: r.residents }]))
  }

  async listExpired(before: number, limit: number): Promise<{ residents: Resident[]; declarations: Declaration[] }> {
    const q = { before, limit: pageSize(limit) }
    return { residents: parsed<Resident>(this.s.expiredResidents.all(q)), declarations: parsed<Declaration>(this.s.expiredDeclarations.all(q)) }
  }

  async saveAnonymised(records: { residents: Resident[]; declarations: Declaration[] }): Promise<void> {
    const steps: Step[] = []
    for (const r of records.residents) {
      steps.push({ sql: WRITES.overwriteResident, params: residentRow(r), expect: 'required', missing: `resident ${r.id} to anonymise is missing` }, ...this.residentIndexSteps(r, false))
    }
    for (const d of records.declarations) {
      steps.push({ sql: WRITES.overwriteDeclaration, params: declarationRow(d), expect: 'required', missing: `declaration ${d.id} to anonymise is missing` }, ...this.declarationIndexSteps(d, false))
    }
    if (steps.length > 0) await this.writer.run(steps)
  }

  /** The blind-index rows of a declaration: its persons' ID numbers while it is open, none after. */
  private declarationIndexSteps(d: Declaration, fresh: boolean): Step[] {
    const steps: Step[] = fresh ? [] : [{ sql: WRITES.clearIndex, params: ['declaration', d.id] }]
    if (!isOpen(d)) return steps
    for (const p of d.persons) if (p.idNumber.index !== '') steps.push({ sql: WRITES.addIndex, params: [p.idNumber.index, 'declaration', d.id, d.roomId] })
    return steps
  }

  /** A resident's blind-index row, while they live in the room. */
  private residentIndexSteps(r: Resident, fresh: boolean): Step[] {
    const steps: Step[] = fresh ? [] : [{ sql: WRITES.clearIndex, params: ['resident', r.id] }]
    if (isCurrent(r) && r.idNumber.index !== '') steps.push({ sql: WRITES.addIndex, params: [r.idNumber.index, 'resident', r.id, r.roomId] })
    return steps
  }
}
