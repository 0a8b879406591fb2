import { createHash } from 'node:crypto'
import type { RosterImportResult } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { parseRoster } from '../../../shared/roster/parseRoster'
import { placeRoster } from '../../../shared/roster/placeRoster'
import { importRosterSchema, type ImportRosterInput } from '../../../shared/schemas/admin'
import { withImportText } from '../importText'
import type { Needs } from '../ports'
import { planRoster } from './rosterPlan'

// Importing the staff roster (人员名单, docs/import.md): the file checked row by row against
// the map as it stands, a dry run first (who would be added, changed, left as is), then all
// or nothing: nothing is written while any problem remains. Staff are matched on their work
// phone; a new one gets an id made from it, so running the same file twice makes no one twice.
//
// An applied import is two writes: the people, then the map records that name them (through
// saveMap, which moves the map's generation although no boundary moved: routers reload once).
// Should the second fail, people already point at their new grids; running the import again
// finishes it, as every write is an upsert of the same records.

/** A new staff member's id: the same phone always gives the same id. */
export const staffIdFor = (phone: string) => `u_staff_${createHash('sha256').update(`staff:${phone}`).digest('hex').slice(0, 16)}`

export async function importRoster(deps: Needs<'reference' | 'importTexts'>, _caller: User, input: ImportRosterInput): Promise<Result<RosterImportResult>> {
  const sized = await withImportText(deps, importRosterSchema, input, { path: 'csv', label: '人员名单文件' })
  if (!sized.ok) return sized
  const parsed = parseRoster(sized.value.csv)
  const [grids, communities, streets] = await Promise.all([deps.reference.listGrids(), deps.reference.listCommunities(), deps.reference.listStreets()])
  const { placed, problems: placing } = placeRoster(parsed.rows, { grids, communities, streets })
  // every staff member the map names, and whoever an earlier import gave a row's phone: matching is by phone
  const named = [
    ...grids.flatMap((g) => [...g.workerIds, ...(g.leaderId ? [g.leaderId] : [])]),
    ...communities.flatMap((c) => c.dispatcherIds),
    ...streets.flatMap((s) => s.dispatcherIds),
    ...placed.map((r) => staffIdFor(r.phone)),
  ]
  const staff = await deps.reference.getUsers([...new Set(named)])
  const { write, problems: matching } = planRoster(placed, { grids, communities, streets, staff }, staffIdFor)
  const problems = [...parsed.problems, ...placing, ...matching].sort((a, b) => a.row - b.row)
  if (problems.length > 0 || !input.apply) return ok({ applied: false, problems, plan: write.plan })
  if (write.users.length > 0) await deps.reference.saveUsers(write.users)
  if (write.grids.length + write.communities.length + write.streets.length > 0) {
    await deps.reference.saveMap({ grids: write.grids, communities: write.communities, streets: write.streets })
  }
  return ok({ applied: true, problems: [], plan: write.plan })
}
