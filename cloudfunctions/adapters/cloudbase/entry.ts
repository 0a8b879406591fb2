import { appError, ERROR_CODES } from '../../../shared/errors'
import type { FunctionName } from '../../../shared/api'
import { dispatch } from '../../app/dispatch'
import { onMediaCheck } from './mediaVerdicts'
import { openRuntime, type CloudbaseRuntime } from './runtime'

// The bodies of the CloudBase function entries. The runtime is built once per container;
// each invocation resolves its caller from the OPENID and runs the same action router the
// local host uses. The event is `wx.cloud.callFunction`'s data: the envelope.

let runtime: CloudbaseRuntime | null = null

/** The container's runtime: settings are read and validated on the first invocation. */
export function containerRuntime(): CloudbaseRuntime {
  runtime ??= openRuntime()
  return runtime
}

export function functionEntry(fn: FunctionName) {
  return async function main(event: unknown) {
    try {
      const rt = containerRuntime()
      return await dispatch(await rt.deps(), fn, event, await rt.identity.caller(rt.context))
    } catch (err) {
      console.error(`${fn} failed before its action ran`, err)
      return { ok: false, error: appError('INTERNAL', ERROR_CODES.INTERNAL.message) }
    }
  }
}

/** The mediaCheck function: WeChat's asynchronous photo verdicts. */
export async function mediaCheckEntry(event: unknown) {
  const rt = containerRuntime()
  return onMediaCheck(rt.contentCheck, event, Date.now())
}
