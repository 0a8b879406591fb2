// Page paths in one place: app.config.ts lists the same pages (case/, worker/, admin/, declare/,
// account/, volunteer/, community/ are subpackages).
export const routes = {
  home: '/pages/home/index',
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  // case subpackage: what a resident opens after reporting
  /** 办理进度: the report's state, result, rating and follow-ups (补充说明, 催办, 撤回) */
  reportDetail: (id: string) => `/case/detail?id=${encodeURIComponent(id)}`,
  /** 消息中心 */
  messages: '/case/messages',
  login: '/account/login/index',
  /** 我是工作人员: bind this account to a staff record with a binding code */
  bindStaff: '/account/bind/index',
  /** pick community → grid from a list (no location, or the person's own choice) */
  pickGrid: '/account/grid/pick',
  // declare subpackage: residence declaration (居住登记)
  /** the form; `roomId` prefills the address, `amend` answers a worker's request for more */
  declareForm: (q: { roomId?: string; amend?: string } = {}) =>
    q.amend ? `/declare/index?amend=${encodeURIComponent(q.amend)}` : q.roomId ? `/declare/index?roomId=${encodeURIComponent(q.roomId)}` : '/declare/index',
  /** 我的居住登记; `done` names the declaration just sent */
  household: (done?: string) => (done ? `/declare/household?done=${encodeURIComponent(done)}` : '/declare/household'),
  // volunteer subpackage: a volunteer's points and patrol log (巡查打卡)
  /** 我的积分: total, today's against the cap, the history */
  myPoints: '/volunteer/points',
  /** 巡查打卡: start, check in, end; past patrols with their reports */
  patrol: '/volunteer/patrol',
  // community subpackage: what neighbours may all see
  /** 社区排行榜: the caller's own community without an id */
  leaderboard: (communityId?: string) => (communityId ? `/community/leaderboard?communityId=${encodeURIComponent(communityId)}` : '/community/leaderboard'),
  /** 办结公示: a grid's resolved cases with before and after photos */
  gridBoard: (gridId: string) => `/community/board?gridId=${encodeURIComponent(gridId)}`,
  inbox: '/worker/inbox/index',
  task: (id: string) => `/worker/task/index?id=${encodeURIComponent(id)}`,
  /** verifying a declaration (核查) */
  verify: (id: string) => `/worker/verify/index?id=${encodeURIComponent(id)}`,
  /** the grid's population register (实有人口) */
  register: '/worker/register/index',
  // admin subpackage: the district office's and dispatchers' tools
  admin: '/admin/index',
  adminGrids: '/admin/grids/index',
  adminRoster: '/admin/roster/index',
  adminBuildings: '/admin/buildings/index',
  adminStaff: '/admin/staff/index',
  adminAudit: '/admin/audit/index',
  /** the dispatchers' console (分拨台): queue, overdue, levels, bulk moves */
  adminConsole: '/admin/console/index',
}
