import type { ConsoleCounts, ConsolePage, TaskSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { LEVELS } from '../../../shared/levels'
import type { User } from '../../../shared/model'
import { leaveRunning } from '../../../shared/roster/leave'
import { ROLE_NAMES } from '../../../shared/roles'
import { fail, ok, type Result } from '../../../shared/result'
import type { ConsoleCountsInput, FindCaseInput, ListConsoleInput } from '../../../shared/schemas/moves'
import { can } from '../policy'
import type { AreaFilter, Deps } from '../ports'
import { gridStaffIds } from '../recipients'
import { DEFAULT_PAGE } from '../reports/readReports'
import { withReports } from '../tasks/readTasks'
import { taskSummaries } from '../views'
import { consoleArea, type ConsoleArea } from './consoleArea'

// The dispatchers' console (分拨中心): the open tasks of their area as a queue (waiting to be
// assigned), overdue, or all, narrowed by level or grid; its counts; and a case by its number.

export async function listConsole(deps: Deps, caller: User, input: ListConsoleInput): Promise<Result<ConsolePage>> {
  const area = await consoleArea(deps, caller, input.communityId, 'listConsole')
  if (!area.ok) return area
  const filter: AreaFilter = {
    ...(input.view === 'queue' ? { queued: true } : input.view === 'overdue' ? { dueBefore: deps.clock.now() } : {}),
    ...(input.level ? { level: input.level } : {}),
    ...(input.gridId ? { gridId: input.gridId } : {}),
  }
  const page = await deps.cases.listArea(area.value.ref, filter, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  const items = await taskSummaries(deps, caller, await withReports(deps, page.items))
  return ok({ items, nextCursor: page.nextCursor, area: area.value.label, grids: input.cursor ? [] : await areaGrids(deps, area.value) })
}

/** The grids of a community's or a street's area with their staff, to assign to (the district picks a community first). */
async function areaGrids(deps: Deps, area: ConsoleArea): Promise<ConsolePage['grids']> {
  if ('all' in area.ref) return []
  const ref = area.ref
  const grids = (await deps.router.currentMap()).grids.filter((g) => ('communityId' in ref ? g.communityId === ref.communityId : g.streetId === ref.streetId))
  const people = new Map((await deps.reference.getUsers([...new Set(grids.flatMap(gridStaffIds))])).map((u) => [u.id, u]))
  const now = deps.clock.now()
  return grids.map((g) => ({
    gridId: g.id,
    gridName: g.name,
    communityId: g.communityId,
    staff: gridStaffIds(g).flatMap((id) => {
      const u = people.get(id)
      return u ? [{ id: u.id, name: u.name, role: ROLE_NAMES[u.role], onLeave: leaveRunning(u.leave, now) }] : []
    }),
  }))
}

export async function consoleCounts(deps: Deps, caller: User, input: ConsoleCountsInput): Promise<Result<ConsoleCounts>> {
  const area = await consoleArea(deps, caller, input.communityId, 'consoleCounts')
  if (!area.ok) return area
  const count = (f: AreaFilter) => deps.cases.countArea(area.value.ref, f)
  const [levels, overdue, queued, extensionRequests] = await Promise.all([
    Promise.all(LEVELS.map((level) => count({ level }))),
    count({ dueBefore: deps.clock.now() }),
    count({ queued: true }),
    count({ extensionRequested: true }),
  ])
  const byLevel = Object.fromEntries(LEVELS.map((l, i) => [l, levels[i]])) as ConsoleCounts['byLevel']
  return ok({ byLevel, overdue, queued, extensionRequests })
}

/** 工单编号 search: staff find a case a resident quotes on the phone, if it is theirs to see. */
export async function findCase(deps: Deps, caller: User, input: FindCaseInput): Promise<Result<TaskSummary>> {
  const task = await deps.cases.findByCaseNumber(input.caseNumber)
  if (!task) return fail(appError('NOT_FOUND', `没有找到工单${input.caseNumber}`, { caseNumber: '没有这个工单编号' }))
  if (!can(caller, 'admin', 'findCase', task)) return fail(appError('FORBIDDEN', '这个工单不在您负责的网格或辖区'))
  const [summary] = await taskSummaries(deps, caller, await withReports(deps, [task]))
  if (!summary) return fail(appError('NOT_FOUND', `没有找到工单${input.caseNumber}`))
  return ok(summary)
}
