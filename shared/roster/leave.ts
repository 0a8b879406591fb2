import type { Leave, User } from '../model'

// A leave (请假) counts from its first moment up to, not including, its end: at `until` the
// person is back and new tasks of their grids go to them again.

export const leaveRunning = (leave: Leave | undefined, now: number): leave is Leave => !!leave && leave.from <= now && now < leave.until

/** The person's leave running at `now`, if any. */
export const leaveAt = (user: Pick<User, 'leave'>, now: number): Leave | null => (leaveRunning(user.leave, now) ? user.leave : null)

/** Two leaves that share a moment: [from, until) and [from, until). */
export const leavesOverlap = (a: Pick<Leave, 'from' | 'until'>, b: Pick<Leave, 'from' | 'until'>) => a.from < b.until && b.from < a.until
