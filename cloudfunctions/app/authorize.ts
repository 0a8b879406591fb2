import type { Report, Task, User, Grid } from '../../shared/model'
import type { Role } from '../../shared/roles'

// Authorization is decided here and only here (DESIGN.md, "Identity and roles"): which
// roles may call an action, and which records a caller may see or act on.

export const ANYONE: readonly Role[] = ['resident', 'volunteer', 'grid_worker', 'grid_leader', 'community_dispatcher', 'street_dispatcher', 'district_admin']
export const REPORTERS: readonly Role[] = ['resident', 'volunteer']
export const GRID_STAFF: readonly Role[] = ['grid_worker', 'grid_leader']

export const hasRole = (user: User, roles: readonly Role[]) => roles.includes(user.role)

/** A resident or volunteer sees only what they submitted. */
export const canSeeReport = (user: User, report: Report) => report.reporterId === user.id

/** Grid staff see and act on their own grids' tasks only. */
export const canHandleTask = (user: User, task: Task) =>
  hasRole(user, GRID_STAFF) && task.gridId !== null && user.gridIds.includes(task.gridId)

/** The people of a grid who receive its tasks: its workers and its leader. */
export const gridStaffIds = (grid: Grid) => [...new Set([...grid.workerIds, ...(grid.leaderId ? [grid.leaderId] : [])])]
