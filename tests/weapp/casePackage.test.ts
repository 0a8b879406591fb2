import fs from 'node:fs'
import path from 'node:path'
import { DIST, assertBuilt } from './simulate'

// A resident's case pages (办理进度 with its follow-ups, 消息中心) ship as the case/ subpackage:
// out of the first download, fetched ahead from the pages that lead to them.

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

const rel = (f: string) => path.relative(DIST, f).split(path.sep).join('/')
const app = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  preloadRule?: Record<string, { network?: string; packages: string[] }>
}

beforeAll(assertBuilt)

test('the case pages are a subpackage, and the main package lists only home, report and my reports', () => {
  expect(app().subPackages).toContainEqual({ root: 'case', pages: ['detail', 'messages'] })
  expect(app().pages).toEqual(['pages/home/index', 'pages/report/index', 'pages/mine/index'])
})

test('the follow-ups and the message centre keep their code in the case subpackage', () => {
  // ids used only by client/src/case/FollowUps.tsx and client/src/case/messages.tsx
  const markers = ['follow-urge-later', 'messages-mark-read']
  const outside = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('case/'))
  expect(outside.filter((f) => markers.some((m) => fs.readFileSync(f, 'utf8').includes(m))).map(rel)).toEqual([])
  const inside = files(path.join(DIST, 'case')).map((f) => fs.readFileSync(f, 'utf8'))
  for (const m of markers) expect({ m, inCase: inside.some((s) => s.includes(m)) }).toEqual({ m, inCase: true })
})

test('home, report, my reports and the inbox preload the case subpackage on any network', () => {
  const rules = app().preloadRule ?? {}
  for (const page of ['pages/home/index', 'pages/report/index', 'pages/mine/index', 'worker/inbox/index']) {
    expect({ page, rule: rules[page] }).toEqual({ page, rule: { network: 'all', packages: ['case'] } })
  }
})
