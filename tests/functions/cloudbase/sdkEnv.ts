import { CaptureServer } from './captureServer'

// Points both CloudBase SDKs at a capture server (TOOLCHAIN.md, "CloudBase"): the URL via
// TCB_CONTEXT_CNFG, and the variables without which the SDK crashes on an unhandled
// rejection. WX_CONTEXT_KEYS / WX_OPENID is how the runtime hands wx-server-sdk the caller.

export const TEST_ENV_ID = 'gridlink-test-1a2b3c'

export function sdkEnv(server: CaptureServer, openid = 'o_resident'): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: server.url }),
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    TENCENTCLOUD_SECRETID: 'test-secret-id',
    TENCENTCLOUD_SECRETKEY: 'test-secret-key',
    TCB_ENV: TEST_ENV_ID,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: openid,
    WX_APPID: 'wx0000000000000000',
  }
}

/** Starts a capture server and sets the environment for the file's tests; undoes both after. */
export function useCaptureServer(): { readonly server: CaptureServer } {
  let server: CaptureServer | null = null
  const saved: Record<string, string | undefined> = {}
  beforeAll(async () => {
    server = await CaptureServer.start()
    for (const [k, v] of Object.entries(sdkEnv(server))) {
      saved[k] = process.env[k]
      process.env[k] = v
    }
  })
  afterEach(() => server?.reset())
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('capture server used outside a test')
      return server
    },
  }
}
