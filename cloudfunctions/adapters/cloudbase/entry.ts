import { appError, ERROR_CODES } from '../../../shared/errors'
import type { FunctionName } from '../../../shared/contracts'
import { dispatch } from '../../app/dispatch'
import { JOBS, type JobName } from '../../app/jobs'
import { runJob } from '../../app/jobs/job'
import { liftCdnFields } from './cdnEnvelope'
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
      return await dispatch(await rt.deps(), fn, liftCdnFields(fn, event), await rt.identity.caller(rt.context))
    } catch (err) {
      console.error(`${fn} failed before its action ran`, err)
      return { ok: false, error: appError('INTERNAL', ERROR_CODES.INTERNAL.message) }
    }
  }
}

/** Timer functions stop taking batches after this long: CloudBase ends a run at 60 s. */
const JOB_BUDGET_MS = 45_000

/** A timer function: runs its job batch after batch within the budget; the next trigger resumes. */
export function jobEntry(name: JobName) {
  return async function main() {
    const started = Date.now()
    try {
      const rt = containerRuntime()
      const result = await runJob(JOBS[name], await rt.deps(), Date.now(), { batches: 1000, untilMs: started + JOB_BUDGET_MS })
      console.log(`${name}: ${result.changed} changed${result.more ? ', more waiting for the next run' : ''}`)
      return result
    } catch (err) {
      console.error(`${name} failed`, err)
      return { changed: 0, more: true, failed: true }
    }
  }
}

/** The mediaCheck function: WeChat's asynchronous photo verdicts. */
export async function mediaCheckEntry(event: unknown) {
  const rt = containerRuntime()
  return onMediaCheck(rt.contentCheck, event, Date.now())
}
