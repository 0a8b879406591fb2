// Main package: what residents and volunteers use. Grid staff pages are a subpackage so the
// first download stays small on old phones and weak signal (STYLE.md 1).
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/mine/detail',
    'pages/messages/index',
    'pages/login/index',
  ],
  subPackages: [
    { root: 'worker', pages: ['inbox/index', 'task/index'] },
  ],
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
  requiredPrivateInfos: ['getLocation'],
})
