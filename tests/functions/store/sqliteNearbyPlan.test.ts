import Database from 'better-sqlite3'
import { migrate } from '../../../cloudfunctions/adapters/local/migrations'
import { NEARBY_REPORTS_SQL, resolvedForGridSql } from '../../../cloudfunctions/adapters/local/taskQueries'

// "Me too" and the public board on SQLite: each answered from its own index of migration 10,
// in the index's order (no sort of every row first).

const db = new Database(':memory:')
migrate(db)
afterAll(() => db.close())
const plan = (sql: string, params: object) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params))

describe('SQLite: "me too" and the board', () => {
  it('reads a category\'s recent reports from reports_by_category, newest first without sorting', () => {
    const p = plan(NEARBY_REPORTS_SQL, { category: 'garbage', since: 1, minLng: 0, maxLng: 1, minLat: 0, maxLat: 1, limit: 50 })
    expect(p).toContain('USING INDEX reports_by_category')
    expect(p).not.toContain('TEMP B-TREE')
  })

  it('reads a grid\'s resolved cases from the partial index tasks_resolved_by_grid, page after page', () => {
    for (const after of [false, true]) {
      const p = plan(resolvedForGridSql(after), { grid: 'g1', resolved: 1, id: 't', limit: 21 })
      expect(p).toContain('USING INDEX tasks_resolved_by_grid')
      expect(p).not.toContain('TEMP B-TREE')
    }
  })
})
