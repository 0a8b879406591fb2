import type { ApiResponse } from '../../shared/schemas/envelope'
import type { Envelope, Transport } from '../../client/src/api/transport'

type Handler = (fn: string, body: Envelope) => ApiResponse<unknown> | Promise<ApiResponse<unknown>>

/** A transport whose answers a test scripts; every call and upload is recorded. */
export function fakeTransport(handler: Handler) {
  const calls: { fn: string; body: Envelope }[] = []
  const uploads: { path: string; progress: (p: number) => void; resolve: (id: string) => void; reject: (e: unknown) => void }[] = []
  const transport: Transport = {
    call: async (fn, body) => {
      calls.push({ fn, body })
      return handler(fn, body)
    },
    upload: (path, progress) => {
      let resolve!: (id: string) => void
      let reject!: (e: unknown) => void
      const promise = new Promise<string>((res, rej) => { resolve = res; reject = rej })
      uploads.push({ path, progress, resolve, reject })
      return { promise, abort: () => reject(new Error('aborted')) }
    },
    fileUrl: (id) => `/api/_files/${id}`,
  }
  return { transport, calls, uploads }
}

export const ok = <T>(data: T): ApiResponse<T> => ({ ok: true, data })
