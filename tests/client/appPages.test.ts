import { routes } from '../../client/src/lib/routes'

// routes.ts and app.config.ts name the same pages twice; a page moved into a subpackage and
// missed in one of them is a blank screen in WeChat, found only on a phone.

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  preloadRule: Record<string, { network?: 'all' | 'wifi'; packages: string[] }>
}

function appConfig(): AppConfig {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  return require('../../client/src/app.config').default as AppConfig
}

const config = appConfig()
const subPages = config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))
const allPages = [...config.pages, ...subPages]
const pathOf = (url: string) => url.replace(/^\//, '').split('?')[0]
const routeUrls = Object.values(routes).map((r) => (typeof r === 'function' ? r('x') : r))

test('every route opens a page that app.config.ts lists', () => {
  expect(routeUrls.map(pathOf).filter((p) => !allPages.includes(p))).toEqual([])
})

test('every page app.config.ts lists has a route', () => {
  expect(allPages.filter((p) => !routeUrls.map(pathOf).includes(p))).toEqual([])
})

test('the resident\'s case pages (办理进度, 消息中心) are a subpackage, out of the first download', () => {
  expect(pathOf(routes.reportDetail('rep-1'))).toBe('case/detail')
  expect(pathOf(routes.messages)).toBe('case/messages')
  expect(config.pages).toEqual(['pages/home/index', 'pages/report/index', 'pages/mine/index'])
})

test('the pages that lead to a case preload its subpackage on any network', () => {
  for (const page of [routes.home, routes.report, routes.mine, routes.inbox]) {
    expect({ page, rule: config.preloadRule[pathOf(page)] }).toEqual({ page, rule: { network: 'all', packages: ['case'] } })
  }
})

test('every preload rule names a listed page and a subpackage root', () => {
  const roots = config.subPackages.map((p) => p.root)
  for (const [page, rule] of Object.entries(config.preloadRule)) {
    expect({ page, listed: allPages.includes(page), unknownPackages: rule.packages.filter((r) => !roots.includes(r)) }).toEqual({ page, listed: true, unknownPackages: [] })
  }
})

test('a volunteer\'s pages and the community\'s are subpackages, out of the main package that is near its limit', () => {
  expect([routes.myPoints, routes.patrol].map(pathOf)).toEqual(['volunteer/points', 'volunteer/patrol'])
  expect([routes.gridBoard('g1'), routes.leaderboard()].map(pathOf)).toEqual(['community/board', 'community/leaderboard'])
  expect(routes.leaderboard('c 1')).toBe('/community/leaderboard?communityId=c%201')
  expect(config.subPackages.filter((p) => ['volunteer', 'community'].includes(p.root))).toEqual([
    { root: 'volunteer', pages: ['points', 'patrol'] },
    { root: 'community', pages: ['board', 'leaderboard'] },
  ])
})
