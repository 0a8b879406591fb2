// Main package: the pages residents and volunteers open first. Everything else is a subpackage so the
// first download stays small on old phones and weak signal (STYLE.md 1).
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/report/index',
    'pages/mine/index',
  ],
  subPackages: [
    // a resident's case after reporting (办理进度 with its follow-ups, 消息中心): opened from the
    // pages above and from subscription messages, so fetched ahead of the tap (preloadRule)
    { root: 'case', pages: ['detail', 'messages'] },
    { root: 'worker', pages: ['inbox/index', 'task/index', 'verify/index', 'register/index'] },
    { root: 'admin', pages: ['index', 'grids/index', 'roster/index', 'buildings/index', 'staff/index', 'audit/index', 'console/index'] },
    // residence declaration (居住登记): a household declares once and returns now and then
    { root: 'declare', pages: ['index', 'household'] },
    // pages a person opens once or twice (the local stack's demo login, binding a staff account,
    // choosing a grid): not worth the main package's room
    { root: 'account', pages: ['login/index', 'bind/index', 'grid/pick'] },
    // a volunteer's own pages (我的积分, 巡查打卡): only volunteers open them, and the main package
    // has no room left for pages most people never see
    { root: 'volunteer', pages: ['points', 'patrol'] },
    // what neighbours may all see (社区排行榜, a grid's 办结公示): opened from 我的 and the home
    // page's grid card, now and then
    { root: 'community', pages: ['board', 'leaderboard'] },
  ],
  // WeChat downloads a subpackage on the first visit to one of its pages; the case package is a few
  // dozen KB, so it is fetched on any network from the pages that lead to it, and the tap on
  // 查看办理进度 or 消息中心 does not wait for it
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['case'] },
    'pages/report/index': { network: 'all', packages: ['case'] },
    'pages/mine/index': { network: 'all', packages: ['case'] },
    'worker/inbox/index': { network: 'all', packages: ['case'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  permission: {
    'scope.userLocation': { desc: '用于确定问题所在位置并派给对应网格' },
  },
  // chooseLocation: the place chooser offered when the person would rather not share where they stand
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  __usePrivacyCheck__: true, // privacy authorization on every base library that has it (lib/privacy.weapp.ts asks)
})
