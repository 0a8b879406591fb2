import { init } from '@cloudbase/node-sdk'
import { CloudbaseStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import type { CapturedRequest } from './captureServer'
import { TEST_ENV_ID } from './sdkEnv'

// Helpers for the wire tests: a store on an SDK pointed at the capture server, and readers
// for what a request carried.

export const T0 = Date.UTC(2025, 2, 3, 1, 0)

/** A node-sdk app; requests go wherever TCB_CONTEXT_CNFG points. */
export const wireApp = () => init({ env: TEST_ENV_ID })

export function wireStore(now = T0): CloudbaseStore {
  const app = wireApp()
  return new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID, clock: { now: () => now } })
}

/** An EJSON field of a request as the JSON it is ({"$numberInt": "1"} stays as sent). */
export const ejson = (text: unknown) => JSON.parse(String(text))

/** The parts of a database request a test states: action, collection, EJSON decoded. */
export function dbRequest(req: CapturedRequest): Record<string, any> {
  const { collectionName, query, data, order, ...rest } = req.body
  return {
    action: req.action,
    ...(collectionName !== undefined ? { collection: collectionName } : {}),
    ...(query !== undefined ? { query: ejson(query) } : {}),
    ...(order !== undefined ? { order: ejson(order) } : {}),
    ...(data !== undefined ? { data: Array.isArray(data) ? data.map(ejson) : ejson(data) } : {}),
    ...rest,
  }
}

export const int = (n: number) => ({ $numberInt: String(n) })
export const long = (n: number) => ({ $numberLong: String(n) })
