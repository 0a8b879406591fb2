// Page paths in one place: app.config.ts lists the same pages (worker/ is a subpackage).
export const routes = {
  home: '/pages/home/index',
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  reportDetail: (id: string) => `/pages/mine/detail?id=${encodeURIComponent(id)}`,
  messages: '/pages/messages/index',
  login: '/account/login/index',
  /** 我是工作人员: bind this account to a staff record with a binding code */
  bindStaff: '/account/bind/index',
  /** pick community → grid from a list (no location, or the person's own choice) */
  pickGrid: '/account/grid/pick',
  inbox: '/worker/inbox/index',
  task: (id: string) => `/worker/task/index?id=${encodeURIComponent(id)}`,
  // admin subpackage: the district office's and dispatchers' tools
  admin: '/admin/index',
  adminGrids: '/admin/grids/index',
  adminRoster: '/admin/roster/index',
  adminBuildings: '/admin/buildings/index',
  adminStaff: '/admin/staff/index',
}
