import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_LIMITS, type LimitSettings } from '../../../cloudfunctions/app/limits'
import { createHost } from '../../../cloudfunctions/local/host'
import { openLocalStack, type LocalStack } from '../../../cloudfunctions/local/stack'

// A seeded local host over real HTTP, with the production abuse limits unless a test
// names others, and a web root with a sibling folder whose name starts like the root's.
export interface HostWorld { stack: LocalStack; server: Server; base: string; port: number; dir: string; webDir: string; close(): Promise<void> }

export async function openHostWorld(opts: { dev?: boolean; limits?: LimitSettings } = {}): Promise<HostWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-hard-'))
  const webDir = join(dir, 'h5')
  mkdirSync(webDir)
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head><script>var rem=1</script><script src="/app.js"></script></head><body>app</body></html>')
  writeFileSync(join(webDir, 'app.js'), 'console.log(1)')
  mkdirSync(join(dir, 'h5-private'))
  writeFileSync(join(dir, 'h5-private', 'secret.txt'), 'TOP-SECRET-TOKENS')
  const stack = await openLocalStack({ dataDir: join(dir, 'data'), seed: true, limits: opts.limits ?? DEFAULT_LIMITS })
  const server = createHost(stack, { dev: opts.dev ?? true, webDir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    stack, server, port, dir, webDir, base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await stack.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const postJson = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

export async function login(base: string, userId: string): Promise<string> {
  const res = await (await postJson(base, '/api/_dev/login', { userId })).json() as any
  if (!res.ok) throw new Error(`login ${userId}: ${res.error.message}`)
  return res.data.token
}
