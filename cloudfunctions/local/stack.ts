import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { DEFAULT_CALENDAR } from '../../shared/calendar/workingTime'
import { openSqliteStore, type SqliteStore } from '../adapters/local/sqliteStore'
import { localImportTexts } from '../adapters/local/importTexts'
import { LocalKeyedHash } from '../adapters/local/keyedHash'
import { openLocalFieldCipher } from '../adapters/local/fieldKeys'
import { cipherOver } from '../app/ports/cipher'
import type { FieldCipher } from '../app/privacy/fieldCipher'
import type { KeyRing } from '../app/privacy/keyRing'
import { MemoryLimits } from '../adapters/local/memoryLimits'
import { SignedPhotoLinks } from '../adapters/local/signedPhotoLinks'
import { DEFAULT_LIMITS, type LimitSettings } from '../app/limits'
import { DiskFiles } from '../adapters/local/diskFiles'
import { LocalContentCheck } from '../adapters/local/localContentCheck'
import { mapRouter } from '../app/mapRouter'
import { noSubscriptions } from '../app/subscriptions'
import { randomIds } from '../app/ids'
import type { DeclarationSettings, Deps } from '../app/ports'
import { DEFAULT_DECLARATION_SETTINGS } from '../app/declarations/settings'
import type { WorkflowSettings } from '../app/tasks/workflowSettings'
import { DEMO_DISTRICT_OFFICE_IDS } from './seed/people'
import { MovableClock } from './clock'
import { devSecret } from './secret'
import { startScheduler, type Scheduler } from './scheduler'
import { seedDemo } from './seed/seedDemo'

// The embedded backend: SQLite, photos on disk, in-app messages only, a movable clock, and
// the jobs on a local timer.
export interface LocalStack {
  deps: Deps
  store: SqliteStore
  files: DiskFiles
  photoLinks: SignedPhotoLinks
  clock: MovableClock
  jobs: Scheduler
  /** stops the jobs, waits for the writes already made, then closes the store */
  close(): Promise<void>
}

export interface StackOptions {
  dataDir: string
  seed: boolean
  /** how often the jobs run by themselves; 0 = only when asked (tests) */
  jobIntervalMs?: number
  /** signs photo links and keys the hashes of binding codes; by default the data folder's own (made on first start) */
  secret?: string
  sessionTtlMs?: number
  limits?: LimitSettings
  /** encrypts ID numbers and phones; by default the data folder's own key file (made on first start) */
  fieldKeys?: KeyRing
  /** verification deadline and retention of residence declarations (config.ts reads them from the environment) */
  declarations?: DeclarationSettings
  /** who hears of the district queue; a seeded stack defaults to the demo district admin */
  workflow?: WorkflowSettings
}

export async function openLocalStack(opts: StackOptions): Promise<LocalStack> {
  mkdirSync(opts.dataDir, { recursive: true })
  const dbFile = join(opts.dataDir, 'gridlink.sqlite')
  const store = openSqliteStore(dbFile, { sessionTtlMs: opts.sessionTtlMs })
  // before anything is written: keys that cannot read this data's ciphertext stop the host (FieldKeyRefusal)
  let fieldCipher: FieldCipher
  try {
    fieldCipher = openLocalFieldCipher({ dataDir: opts.dataDir, dbFile, ring: opts.fieldKeys, now: Date.now() })
  } catch (err) {
    await store.close()
    throw err
  }
  const files = new DiskFiles(join(opts.dataDir, 'files'), store.files)
  // what a host killed mid-save left (a temp file, a photo without its record), before any save
  await files.sweepLeftovers()
  const clock = new MovableClock()
  const secret = opts.secret ?? devSecret(opts.dataDir)
  const photoLinks = new SignedPhotoLinks(secret, clock)
  store.sessions.sweep(clock.now())
  const deps: Deps = {
    reference: store.reference,
    buildings: store.buildings,
    cases: store.cases,
    declarations: store.declarations,
    audit: store.audit,
    messages: store.messages,
    points: store.points,
    patrols: store.patrols,
    files: store.files,
    // the generation is a number in memory here (this host is the map's only writer): checked on every report
    router: mapRouter(store.reference, clock, { recheckMs: 0 }),
    notifier: { notify: async () => undefined },
    content: new LocalContentCheck(),
    photoLinks,
    subscriptions: noSubscriptions,
    limits: new MemoryLimits(),
    bindingCodes: store.bindingCodes,
    accountLinks: store.accountLinks,
    keyedHash: new LocalKeyedHash(secret),
    cipher: cipherOver(fieldCipher),
    importTexts: localImportTexts,
    clock,
    ids: randomIds,
    config: {
      catalogue: DEFAULT_CATALOGUE, timezone: DEFAULT_CALENDAR.timezone, limits: opts.limits ?? DEFAULT_LIMITS,
      declarations: opts.declarations ?? DEFAULT_DECLARATION_SETTINGS,
      workflow: opts.workflow && opts.workflow.districtOfficeIds.length > 0 ? opts.workflow : { districtOfficeIds: opts.seed ? DEMO_DISTRICT_OFFICE_IDS : [], escalateGapMs: 0 },
    },
    calendar: DEFAULT_CALENDAR,
  }
  if (opts.seed && store.reference.isEmpty()) await seedDemo(files, deps)
  const jobs = startScheduler(deps, clock, opts.jobIntervalMs ?? 0)
  return {
    deps, store, files, photoLinks, clock, jobs,
    close: async () => {
      jobs.stop()
      await store.close()
    },
  }
}
