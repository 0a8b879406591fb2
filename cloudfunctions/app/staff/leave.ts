import type { StaffRecord } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { isGridStaffRole } from '../../../shared/roles'
import { leavesOverlap } from '../../../shared/roster/leave'
import type { SetLeaveInput, StaffRefInput } from '../../../shared/schemas/admin'
import { invalid, loadStaff, oneStaffRecord, type RecordDeps } from './staffRecord'

// Leave and substitutes (请假代班): while a grid worker's leave runs, the new tasks of their
// grids go to the substitute (recipients.ts), and the contact card says who covers. Tasks
// they already hold stay with them; when the leave ends, new tasks go back to them.

type LeaveDeps = RecordDeps

export async function setLeave(deps: LeaveDeps, caller: User, input: SetLeaveInput): Promise<Result<StaffRecord>> {
  const loaded = await loadStaff(deps, caller, input.userId, 'setLeave')
  if (!loaded.ok) return loaded
  const person = loaded.value
  if (!isGridStaffRole(person.role)) return invalid('userId', '只有网格员和网格长登记请假代班：分拨员的队列由同一中心的其他分拨员处理')
  if (input.until <= deps.clock.now()) return invalid('until', '请假结束时间已过，请重新选择')
  const substitute = await deps.reference.getUser(input.substituteId)
  const problem = substituteProblem(person, substitute, input)
  if (problem) return invalid('substituteId', problem)
  const onLeave: User = { ...person, leave: { from: input.from, until: input.until, substituteId: input.substituteId, ...(input.note ? { note: input.note } : {}) } }
  await deps.reference.saveUsers([onLeave])
  return ok(await oneStaffRecord(deps, onLeave))
}

/** The substitute: grid staff of the same street (the person's community or a neighbour), not away themselves then. */
function substituteProblem(person: User, substitute: User | null, leave: SetLeaveInput): string | null {
  if (!substitute) return '代班人员不存在，请重新选择'
  if (!isGridStaffRole(substitute.role)) return `代班人员应为网格员或网格长，${substitute.name}不是`
  if (!substitute.streetId || substitute.streetId !== person.streetId) return `代班人员应与${person.name}同一社区或街道，${substitute.name}不是`
  if (substitute.leave && leavesOverlap(substitute.leave, leave)) return `${substitute.name}在这段时间也在请假，请另选代班人员`
  return null
}

/** Ends the leave now (or cancels one still to come): new tasks go back to the person at once. */
export async function endLeave(deps: LeaveDeps, caller: User, input: StaffRefInput): Promise<Result<StaffRecord>> {
  const loaded = await loadStaff(deps, caller, input.userId, 'endLeave')
  if (!loaded.ok) return loaded
  const { leave, ...back } = loaded.value
  if (!leave) return ok(await oneStaffRecord(deps, loaded.value))
  await deps.reference.saveUsers([back])
  return ok(await oneStaffRecord(deps, back))
}
