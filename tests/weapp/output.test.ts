import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { DIST, assertBuilt } from './simulate'

// WeChat's limits: 2 MB for the main package and 2 MB for each subpackage.
const LIMIT = 2 * 1024 * 1024

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

const rel = (f: string) => path.relative(DIST, f).split(path.sep).join('/')

beforeAll(assertBuilt)

test('every script of the weapp output parses as ES5, which every WeChat engine runs', () => {
  const failures: string[] = []
  for (const file of files(DIST).filter((f) => f.endsWith('.js'))) {
    try {
      parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' })
    } catch (e) {
      failures.push(`${rel(file)}: ${(e as Error).message}`)
    }
  }
  expect(failures).toEqual([])
})

test('the main package and each subpackage stay within 2 MB', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const sizes: Record<string, number> = { main: 0 }
  for (const root of roots) sizes[root] = 0
  // project.config.json configures the IDE and is not part of any package
  for (const file of files(DIST).filter((f) => rel(f) !== 'project.config.json')) {
    const root = roots.find((r) => rel(file).startsWith(r)) ?? 'main'
    sizes[root] += fs.statSync(file).size
  }
  expect(roots).toContain('worker/')
  for (const [pkg, size] of Object.entries(sizes)) expect({ pkg, size, withinLimit: size <= LIMIT }).toEqual({ pkg, size, withinLimit: true })
})

test('the grid staff pages keep their code in the subpackage, out of the residents download', () => {
  const mainScripts = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('worker/'))
  const marker = 'inbox-near-border' // a class name used only by worker/inbox/InboxItem.tsx
  expect(mainScripts.filter((f) => fs.readFileSync(f, 'utf8').includes(marker)).map(rel)).toEqual([])
  expect(files(path.join(DIST, 'worker')).some((f) => fs.readFileSync(f, 'utf8').includes(marker))).toBe(true)
})
