import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createHost } from '../../cloudfunctions/local/host'
import { openLocalStack, type LocalStack } from '../../cloudfunctions/local/stack'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'

// The browser suite's world: the real H5 build served by the real local host (seeded, dev
// mode, scratch data folder) and Debian's Chromium driven by playwright-core.
const ROOT = resolve(__dirname, '../..')
const WEB = join(ROOT, 'client', process.env.GRIDLINK_DIST_ROOT ?? 'dist', 'h5')
export const SHOTS = join(ROOT, 'test-output/screenshots')

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p))
  if (!found) throw new Error('Chromium not found. Fix: apt-get install -y chromium (or set CHROMIUM_PATH)')
  return found
}

export interface World {
  stack: LocalStack
  base: string
  browser: Browser
  /** every line the host logged during the run, and every session token it handed out, for the log scan */
  logs: string[]
  tokens: string[]
  close(): Promise<void>
}

/** The host runs in this process: whatever it logs passes through console, copied here as it goes. */
function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((m) => console[m])
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
      originals[i].apply(console, args)
    }
  })
  return { lines, stop: () => methods.forEach((m, i) => (console[m] = originals[i])) }
}

export async function openWorld(): Promise<World> {
  if (!existsSync(join(WEB, 'index.html'))) throw new Error('No H5 build at client/dist/h5. Build it first: NODE_ENV=production npm run build:h5')
  mkdirSync(SHOTS, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-e2e-'))
  const captured = captureLogs()
  const stack = await openLocalStack({ dataDir: dir, seed: true })
  const tokens: string[] = []
  const create = stack.store.sessions.create.bind(stack.store.sessions)
  stack.store.sessions.create = (userId, now) => {
    const session = create(userId, now)
    tokens.push(session.token)
    return session
  }
  const server: Server = createHost(stack, { dev: true, webDir: WEB })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const stop = async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
    await stack.close()
    captured.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  let browser: Browser
  try {
    // playwright gives each launch a fresh, empty profile of its own
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    })
  } catch (err) {
    await stop()
    throw err
  }
  return {
    stack, base, browser, logs: captured.lines, tokens,
    async close() {
      await browser.close()
      await stop()
    },
  }
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' }

/** A phone-sized page in a context of its own (own storage, so its own login), with page errors logged. */
export async function newPhone(world: World, options: Parameters<World['browser']['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ ...PHONE, ...options })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err.message))
  return { context, page }
}

export const phone = async (world: World): Promise<Page> => (await newPhone(world)).page

/** An action as a person, through dispatch: for reading state a test checks, never for the steps a user takes. */
export async function asUser<T>(world: World, userId: string, fn: string, action: string, payload: unknown): Promise<T> {
  const res = await dispatch(world.stack.deps, fn, { action, payload }, await world.stack.store.reference.getUser(userId))
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.message}`)
  return res.data as T
}

export async function stationed(page: Page, rootId: string) {
  await page.waitForSelector(`.taro_page_stationed #${rootId}`, { state: 'visible', timeout: 20_000 })
}

export async function loginAs(world: World, page: Page, userId: string, landing: string) {
  await page.goto(`${world.base}/#/account/login/index`)
  await stationed(page, 'page-login')
  await page.click(`#login-user-${userId}`)
  await stationed(page, landing)
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

/**
 * A screenshot of the page on show, whole: Taro's H5 pages scroll inside their own box, so a
 * full-page screenshot stops at the window. For the shot the page is let grow to its content
 * (still the phone's width), and put back afterwards.
 */
export async function wholeShot(page: Page, name: string) {
  const grow = await page.addStyleTag({ content: `.taro_router { height: auto !important; }
    .taro_router > .taro_page.taro_page_stationed:last-child { position: relative !important; height: auto !important; max-height: none !important; overflow: visible !important; }` })
  await shot(page, name)
  await grow.evaluate((el) => (el as Element).remove())
}

/** Picks a photo through the page's file chooser (the H5 build's 拍照或选图), a small PNG of one colour. */
export async function attachPhoto(page: Page, button: string, rgb: [number, number, number]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(button)])
  await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: samplePhoto(rgb, 64) })
}

/** The report form's place typed as coordinates: they sit folded under 高级 (tests/e2e/myGrid.test.ts places the pin on the drawing instead). */
export async function typePlace(page: Page, point: { lng: number; lat: number }) {
  await page.click('#location-advanced')
  await page.fill('#location-lng input', String(point.lng))
  await page.fill('#location-lat input', String(point.lat))
}
