import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import * as wx from 'wx-server-sdk'
import { DEFAULT_CALENDAR } from '../../../shared/calendar/workingTime'
import { DEFAULT_CATALOGUE } from '../../../shared/catalogue'
import { createRouter } from '../../../shared/routing/router'
import { randomIds, systemClock } from '../../app/ids'
import type { Deps } from '../../app/ports'
import { CloudbaseStore } from './cloudbaseStore'
import { WxContentCheck, type SecurityApi } from './contentCheck'
import { GrantLedger } from './grants'
import { CloudbaseIdentity, type WxContextSource } from './identity'
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
  /** the use cases' dependencies; the grid map is loaded on first use */
  deps(): Promise<Deps>
}

export function openRuntime(settings: CloudbaseSettings = loadCloudbaseSettings()): CloudbaseRuntime {
  // DYNAMIC_CURRENT_ENV / SYMBOL_CURRENT_ENV: the env the function is deployed in
  wx.init({ env: settings.GRIDLINK_TCB_ENV ?? (wx.DYNAMIC_CURRENT_ENV as unknown as string) })
  const app = init({ env: settings.GRIDLINK_TCB_ENV ?? SYMBOL_CURRENT_ENV })
  const env = settings.GRIDLINK_TCB_ENV ?? process.env.TCB_ENV ?? process.env.SCF_NAMESPACE
  const clock = systemClock
  const store = new CloudbaseStore(app.database(), { storage: app, env, clock })
  const grants = new GrantLedger(store.db, clock)
  const notifier = new SubscribeNotifier(store, grants, wx.openapi as SubscribeApi, clock, {
    templates: settings.GRIDLINK_SUBSCRIBE_TEMPLATES,
    miniprogramState: settings.GRIDLINK_MINIPROGRAM_STATE,
  })
  const contentCheck = new WxContentCheck(store, app, wx.openapi as SecurityApi, clock)
  const subscriptions = new CloudbaseSubscriptions(grants, settings.GRIDLINK_SUBSCRIBE_TEMPLATES)
  let deps: Promise<Deps> | null = null
  const loadDeps = async (): Promise<Deps> => {
    // The grid map is read once per container; a map change reaches new containers (admin issue).
    const [grids, streets] = await Promise.all([store.listGrids(), store.listStreets()])
    return {
      store,
      router: createRouter({ grids, streets }),
      notifier,
      content: contentCheck,
      subscriptions,
      clock,
      ids: randomIds,
      config: { catalogue: DEFAULT_CATALOGUE, timezone: DEFAULT_CALENDAR.timezone },
      calendar: DEFAULT_CALENDAR,
    }
  }
  return {
    store,
    grants,
    identity: new CloudbaseIdentity(store.db, randomIds, clock, (id) => store.getUser(id)),
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
