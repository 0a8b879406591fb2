import type { Role } from '../../../shared/roles'

// The console's tools and who sees each. The server's policy table
// (cloudfunctions/app/policy.ts) decides who may call the actions behind them; this list only
// spares people a button that would be refused. tests/client/adminTools.test.ts keeps the two
// in step.

export type AdminToolId = 'grids' | 'roster' | 'buildings' | 'staff' | 'leave'

export interface AdminTool {
  id: AdminToolId
  title: string
  /** one line on what the tool is for, in the words of the people who use it */
  summary: string
  /** the actions the tool calls: a role sees it when it may call all of them */
  actions: string[]
  page: 'adminGrids' | 'adminRoster' | 'adminBuildings' | 'adminStaff'
}

export const ADMIN_TOOLS: AdminTool[] = [
  { id: 'grids', title: '网格地图导入', summary: '导入 GeoJSON 网格边界，先预览再确认', actions: ['importGrids'], page: 'adminGrids' },
  { id: 'roster', title: '人员名单导入', summary: '导入网格员、网格长、分拨员名单（CSV）', actions: ['importRoster'], page: 'adminRoster' },
  { id: 'buildings', title: '楼栋房屋导入', summary: '导入社区的楼栋、单元和房号（CSV），供居民申报时选择', actions: ['importBuildings'], page: 'adminBuildings' },
  { id: 'staff', title: '人员与绑定码', summary: '查看人员绑定情况，生成或解除绑定码，上传联系卡照片', actions: ['listStaff', 'issueBindingCode', 'unbindStaff', 'setStaffPhoto'], page: 'adminStaff' },
  { id: 'leave', title: '请假与代班', summary: '登记请假并指定代班人员，新任务交给代班人', actions: ['listStaff', 'setLeave', 'endLeave'], page: 'adminStaff' },
]

/** Which roles may call each admin action, as the policy table says. */
export const ADMIN_ROLES: Record<string, readonly Role[]> = {
  importGrids: ['district_admin'],
  importRoster: ['district_admin'],
  importBuildings: ['district_admin'],
  listStaff: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
  issueBindingCode: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
  unbindStaff: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
  setLeave: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
  setStaffPhoto: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
  endLeave: ['community_dispatcher', 'street_dispatcher', 'district_admin'],
}

export const toolsFor = (role: Role): AdminTool[] => ADMIN_TOOLS.filter((t) => t.actions.every((a) => ADMIN_ROLES[a]?.includes(role)))

/** Whether the role has any tool here: the entry to the console is shown to those only. */
export const hasAdminTools = (role: Role) => toolsFor(role).length > 0

/** What each role looks after, said on the console's first line. */
export const AREA_WORDS: Partial<Record<Role, string>> = {
  district_admin: '全区的网格地图、人员名单、楼栋房屋与绑定',
  street_dispatcher: '本街道人员的绑定码与请假',
  community_dispatcher: '本社区人员的绑定码与请假',
}
