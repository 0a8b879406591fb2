import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { DEFAULT_CALENDAR } from '../../shared/calendar/workingTime'
import { createRouter } from '../../shared/routing/router'
import { openSqliteStore, type SqliteStore } from '../adapters/local/sqliteStore'
import { DiskFiles } from '../adapters/local/diskFiles'
import { LocalContentCheck } from '../adapters/local/localContentCheck'
import { noSubscriptions } from '../app/subscriptions'
import { randomIds } from '../app/ids'
import type { Deps, GridRouter } from '../app/ports'
import { MovableClock } from './clock'
import { seedDemo } from './seed/seedDemo'

// The embedded backend: SQLite, photos on disk, in-app messages only, a movable clock.
export interface LocalStack {
  deps: Deps
  store: SqliteStore
  files: DiskFiles
  clock: MovableClock
  /** waits for the writes already made, then closes the store */
  close(): Promise<void>
}

export interface StackOptions { dataDir: string; seed: boolean }

export async function openLocalStack(opts: StackOptions): Promise<LocalStack> {
  mkdirSync(opts.dataDir, { recursive: true })
  const store = openSqliteStore(join(opts.dataDir, 'gridlink.sqlite'))
  const files = new DiskFiles(join(opts.dataDir, 'files'), store)
  const clock = new MovableClock()
  // The grid map is read once; the router is rebuilt when the map changes (admin issue).
  const lazyRouter: { current: GridRouter | null } = { current: null }
  const deps: Deps = {
    store,
    router: { route: (p) => (lazyRouter.current as GridRouter).route(p) },
    notifier: { notify: async () => undefined },
    content: new LocalContentCheck(),
    subscriptions: noSubscriptions,
    clock,
    ids: randomIds,
    config: { catalogue: DEFAULT_CATALOGUE, timezone: DEFAULT_CALENDAR.timezone },
    calendar: DEFAULT_CALENDAR,
  }
  if (opts.seed && store.isEmpty()) await seedDemo(store, files, deps, lazyRouter)
  lazyRouter.current = createRouter({ grids: await store.listGrids(), streets: await store.listStreets() })
  return { deps, store, files, clock, close: () => store.close() }
}
