export const ROLES = [
  'resident',
  'volunteer',
  'grid_worker',
  'grid_leader',
  'community_dispatcher',
  'street_dispatcher',
  'district_admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  grid_worker: '网格员',
  grid_leader: '网格长',
  community_dispatcher: '社区分拨员',
  street_dispatcher: '街道分拨员',
  district_admin: '区网格办管理员',
}

/** People who submit: residents and volunteers (微网格员). */
export const isReporterRole = (role: Role) => role === 'resident' || role === 'volunteer'
/** The offices above the grids (分拨中心, 区网格办): who opens the admin pages. */
export const isOfficeRole = (role: Role) => role === 'community_dispatcher' || role === 'street_dispatcher' || role === 'district_admin'
/** People who handle tasks of a grid. */
export const isGridStaffRole = (role: Role) => role === 'grid_worker' || role === 'grid_leader'
/** Who files for a resident who phoned or walked in (代报, 代申报): volunteers and a grid's staff (policy.ts, the forms). */
export const ON_BEHALF_FILERS: readonly Role[] = ['volunteer', 'grid_worker', 'grid_leader']
