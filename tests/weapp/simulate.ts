import fs from 'node:fs'
import path from 'node:path'

// Runs the real production weapp build under miniprogram-simulate (TOOLCHAIN.md, "Testing the
// client"): WeChat's App/Page/getApp/getCurrentPages are shimmed, Page() becomes Component()
// with onLoad/onShow run from `attached`, then the page is rendered into jsdom.

export const DIST = path.resolve(__dirname, '../../client', process.env.GRIDLINK_DIST_ROOT ?? 'dist', 'weapp')

export function assertBuilt() {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`No weapp build at ${DIST}. Build it first: NODE_ENV=production npm run build:weapp`)
  }
}

type Opts = Record<string, unknown>
let launched = false

function installShim(query: Record<string, string>) {
  const g = globalThis as Record<string, any>
  const pages: unknown[] = []
  g.getCurrentPages = () => pages
  g.App = (app: Opts) => { g.__app = app }
  g.getApp = () => g.__app
  g.Page = (page: Opts) => {
    const methods: Opts = {}
    // lifecycles stay reachable as methods too: Taro marks `this.onReady.called`
    for (const [k, v] of Object.entries(page)) if (typeof v === 'function') methods[k] = v
    const call = (self: unknown, name: string, ...args: unknown[]) => (page[name] as ((...a: unknown[]) => void) | undefined)?.apply(self, args)
    g.Component({
      data: page.data ?? {},
      options: page.options,
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          pages.push(this)
          this.route = this.__route__ = g.__pageRoute
          call(this, 'onLoad', query)
          call(this, 'onShow')
        },
        ready(this: unknown) { call(this, 'onReady') },
        detached(this: unknown) { call(this, 'onUnload') },
      },
    })
  }
}

/** Loads `route` (e.g. "pages/report/index") from the build and attaches it to the document. */
export function renderPage(route: string, query: Record<string, string> = {}) {
  assertBuilt()
  installShim(query)
  ;(globalThis as Record<string, unknown>).__pageRoute = route
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate')
  if (!launched) {
    require(path.join(DIST, 'app.js'))
    ;(globalThis as any).getApp().onLaunch?.({ path: route, query, scene: 1001 })
    launched = true
  }
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return { page, simulate }
}

/** All text under a rendered page, custom components included. */
export const textOf = (page: { dom: Element }) => page.dom.textContent ?? ''

// A production page's first render on a loaded CI machine can take several seconds: the waits
// below allow 15 s, and each test 30 s, so a slow machine is not read as a broken page.
jest.setTimeout(30_000)

/** Waits until `check` passes or the time is up (the first render is asynchronous). */
export async function until(check: () => boolean, ms = 15_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for the page')
    await new Promise((r) => setTimeout(r, 20))
  }
}

type Call = { action?: string; payload?: unknown }
type WxCallback = { url?: string; name?: string; data?: Call; success?: (r: unknown) => void }

/**
 * The cloud functions, faked on both wires the weapp may be built for: wx.request to the local
 * host (built without GRIDLINK_TCB_ENV) and wx.cloud.callFunction (built with it), so a test
 * passes against either build. `answer` gives the envelope for a call. Install it before the
 * first renderPage: Taro picks up wx.cloud as the app launches.
 */
export function fakeFunctions(answer: (fn: string, call: Call) => unknown) {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  // answered at once (a test sees the order calls left in), delivered a tick later like the network
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 0))
  wx.request = (o: WxCallback) => {
    const fn = (o.url ?? '').split('/api/')[1] ?? ''
    later(answer(fn, o.data ?? {})).then((data) => o.success?.({ statusCode: 200, data, header: {}, errMsg: 'request:ok' }))
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
  }
  wx.cloud = {
    init() {},
    callFunction: (o: WxCallback) => later({ errMsg: 'cloud.callFunction:ok', result: answer(o.name ?? '', o.data ?? {}) }),
  }
}
