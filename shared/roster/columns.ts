import { columnFinder, type CsvColumn } from '../csv/columns'
import type { Role } from '../roles'

// The staff roster file (docs/import.md, "Staff roster (CSV)"): one header row in Chinese,
// one person a row. Street offices keep their rosters in Excel with their own wording, so
// each column is known by its name and a few common aliases; columns nobody asked for
// (序号, 备注) are ignored. So is 照片, which rosters once carried as a web address: photos are
// taken on a phone and uploaded on the staff page (admin.setStaffPhoto), as the mini-program
// loads nothing from servers other than its own.

export type RosterField = 'name' | 'phone' | 'role' | 'codes' | 'duties' | 'officeHours'

export type RosterColumn = CsvColumn<RosterField>

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'name', header: '姓名', aliases: ['名字', '人员姓名'], required: true },
  { field: 'phone', header: '工作电话', aliases: ['电话', '手机', '手机号', '手机号码', '联系电话', '工作手机', '办公电话'], required: true },
  { field: 'role', header: '角色', aliases: ['岗位', '人员类型', '身份'], required: true },
  { field: 'codes', header: '所属编码', aliases: ['编码', '网格编码', '所属网格编码', '所属网格', '社区编码', '街道编码', '所属单位编码'], required: true },
  { field: 'duties', header: '职责', aliases: ['工作职责', '岗位职责'], required: false },
  { field: 'officeHours', header: '办公时间', aliases: ['工作时间', '坐班时间', '接待时间'], required: false },
]

export const columnOf = columnFinder(ROSTER_COLUMNS)

/** The roles a roster places, and the kind of code each is placed by. */
export type RosterRole = Extract<Role, 'grid_worker' | 'grid_leader' | 'community_dispatcher' | 'street_dispatcher'>
export type PlaceKind = 'grid' | 'community' | 'street'

export const ROSTER_ROLES: Record<string, RosterRole> = {
  网格员: 'grid_worker',
  网格长: 'grid_leader',
  社区分拨员: 'community_dispatcher',
  街道分拨员: 'street_dispatcher',
}
export const ROLE_PLACE: Record<RosterRole, PlaceKind> = {
  grid_worker: 'grid',
  grid_leader: 'grid',
  community_dispatcher: 'community',
  street_dispatcher: 'street',
}

/** Codes by kind: 6-digit district + 3 street (9), + 3 community (12), + 3 grid (15). */
export const CODE_LENGTH: Record<PlaceKind, number> = { street: 9, community: 12, grid: 15 }
export const PLACE_NAME: Record<PlaceKind, string> = { street: '街道', community: '社区', grid: '网格' }
