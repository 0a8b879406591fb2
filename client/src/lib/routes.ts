// Page paths in one place: app.config.ts lists the same pages (worker/ is a subpackage).
export const routes = {
  home: '/pages/home/index',
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  reportDetail: (id: string) => `/pages/mine/detail?id=${encodeURIComponent(id)}`,
  messages: '/pages/messages/index',
  login: '/pages/login/index',
  inbox: '/worker/inbox/index',
  task: (id: string) => `/worker/task/index?id=${encodeURIComponent(id)}`,
}
