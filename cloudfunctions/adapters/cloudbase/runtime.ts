import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import * as wx from 'wx-server-sdk'
import { calendarBootLine } from '../../../shared/calendar/calendarYears'
import { DEFAULT_CALENDAR } from '../../../shared/calendar/workingTime'
import { DEFAULT_CATALOGUE } from '../../../shared/catalogue'
import { randomIds, systemClock } from '../../app/ids'
import { mapRouter } from '../../app/mapRouter'
import type { Deps } from '../../app/ports'
import { CdnImportTexts } from './cdnImportTexts'
import { cloudbaseCipher } from './cloudbaseCipher'
import { cdnHostsSetting } from './cdnUrl'
import { CloudbaseLimits } from './cloudbaseLimits'
import { TempUrlPhotoLinks } from './tempUrlLinks'
import { CloudbaseStore } from './cloudbaseStore'
import { WxContentCheck, type SecurityApi } from './contentCheck'
import { GrantLedger } from './grants'
import { CloudbaseIdentity, type WxContextSource } from './identity'
import { CloudbaseKeyedHash, secretSetting } from './keyedHash'
import { declarationSettingsOf } from '../../app/declarations/settings'
import { workflowSettingsOf } from '../../app/tasks/workflowSettings'

/** The escalate job's pace on CloudBase (workflowSettings.ts says why). */
const CLOUDBASE_ESCALATE_GAP_MS = 400
import { loadCloudbaseSettings, type CloudbaseSettings } from './settings'
import { SubscribeNotifier, type SubscribeApi } from './subscribeNotifier'
import { CloudbaseSubscriptions } from './subscriptions'

// Everything a CloudBase function needs, built once per container (a cold start) and
// reused by every invocation the container serves.

export interface CloudbaseRuntime {
  store: CloudbaseStore
  identity: CloudbaseIdentity
  grants: GrantLedger
  contentCheck: WxContentCheck
  /** the caller of the running invocation, as the runtime tells it */
  context: WxContextSource
  settings: CloudbaseSettings
  /** the use cases' dependencies; the grid map is loaded on first use and reloaded when its generation moves */
  deps(): Promise<Deps>
}

/** How long a warm container trusts the map generation it last read. */
export const MAP_RECHECK_MS = 30_000

/** What the runtime reaches beyond CloudBase's SDKs; tests answer for it. */
export interface RuntimeNetwork {
  /** downloads of admin imports sent through WeChat's temporary CDN */
  fetch?: typeof fetch
}

export function openRuntime(settings: CloudbaseSettings = loadCloudbaseSettings(), network: RuntimeNetwork = {}): CloudbaseRuntime {
  // DYNAMIC_CURRENT_ENV / SYMBOL_CURRENT_ENV: the env the function is deployed in
  wx.init({ env: settings.GRIDLINK_TCB_ENV ?? (wx.DYNAMIC_CURRENT_ENV as unknown as string) })
  const app = init({ env: settings.GRIDLINK_TCB_ENV ?? SYMBOL_CURRENT_ENV })
  const env = settings.GRIDLINK_TCB_ENV ?? process.env.TCB_ENV ?? process.env.SCF_NAMESPACE
  const clock = systemClock
  // once per container: the function log shows which years' holidays this deployment knows
  console.log(calendarBootLine(DEFAULT_CALENDAR.years))
  const store = new CloudbaseStore(app.database(), { storage: app, env, clock })
  const grants = new GrantLedger(store.db, clock)
  const notifier = new SubscribeNotifier(store, grants, wx.openapi as SubscribeApi, clock, {
    templates: settings.GRIDLINK_SUBSCRIBE_TEMPLATES,
    miniprogramState: settings.GRIDLINK_MINIPROGRAM_STATE,
  })
  const contentCheck = new WxContentCheck(store, app, wx.openapi as SecurityApi, clock)
  const subscriptions = new CloudbaseSubscriptions(grants, settings.GRIDLINK_SUBSCRIBE_TEMPLATES)
  const limits = new CloudbaseLimits(store.db)
  const keyedHash = new CloudbaseKeyedHash(store.db, secretSetting())
  const cipher = cloudbaseCipher(store.db, settings.GRIDLINK_FIELD_KEYS, clock)
  const importTexts = new CdnImportTexts({ fetch: network.fetch, hosts: cdnHostsSetting() })
  const identity = new CloudbaseIdentity(store.db, randomIds, clock, (id) => store.reference.getUser(id))
  // a binding made by this container is seen by its next call at once, not after the link cache's 5 minutes
  store.accountLinks.onChange((openid) => identity.forget(openid))
  let deps: Promise<Deps> | null = null
  const loadDeps = async (): Promise<Deps> => {
    // A warm container rechecks the map's generation (one read) at most every 30 s, so an
    // import reaches every container within half a minute, without a redeploy.
    const router = mapRouter(store.reference, clock, { recheckMs: MAP_RECHECK_MS })
    await router.reload()
    return {
      reference: store.reference,
      buildings: store.buildings,
      cases: store.cases,
      declarations: store.declarations,
      audit: store.audit,
      messages: store.messages,
      points: store.points,
      patrols: store.patrols,
      files: store.files,
      router,
      notifier,
      content: contentCheck,
      photoLinks: new TempUrlPhotoLinks(app),
      subscriptions,
      clock,
      ids: randomIds,
      limits,
      bindingCodes: store.bindingCodes,
      accountLinks: store.accountLinks,
      keyedHash,
      cipher,
      importTexts,
      config: { catalogue: DEFAULT_CATALOGUE, timezone: DEFAULT_CALENDAR.timezone, limits: settings.GRIDLINK_RATE_LIMITS, declarations: declarationSettingsOf(settings), workflow: workflowSettingsOf(settings, CLOUDBASE_ESCALATE_GAP_MS) },
      calendar: DEFAULT_CALENDAR,
    }
  }
  return {
    store,
    grants,
    identity,
    contentCheck,
    context: wx,
    settings,
    deps() {
      if (!deps) {
        deps = loadDeps()
        // a failed load is retried by the next invocation
        deps.catch(() => (deps = null))
      }
      return deps
    },
  }
}
