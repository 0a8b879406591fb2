import { join } from 'node:path'
import { submitReport } from '../../cloudfunctions/app/reports/submitReport'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { reportPayload } from './reportPayload'

// The submitReport use case called in-process, one at a time, on a freshly seeded local
// stack: the same work as an HTTP submission minus the host, so the two rates together
// show where the time goes.

export async function directSubmissions(dir: string, seconds: number): Promise<{ perSecond: number; calls: number }> {
  const stack = await openLocalStack({ dataDir: join(dir, 'direct'), seed: true })
  try {
    const user = await stack.store.reference.getUser('u_resident_1')
    if (!user) throw new Error('the seeded stack has no u_resident_1')
    const saved = await stack.files.saveFile(user.id, 'image/png', samplePhoto([90, 140, 200]))
    if ('error' in saved) throw new Error(saved.error)
    for (let i = 0; i < 200; i++) await submitReport(stack.deps, user, reportPayload(i, saved.id), `direct-warm-${i}`)
    let calls = 0
    const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9))
    const t = process.hrtime.bigint()
    while (process.hrtime.bigint() < end) {
      const result = await submitReport(stack.deps, user, reportPayload(calls, saved.id), `direct-${calls}`)
      if (!result.ok) throw new Error(`submitReport refused a bench report: ${result.error.code} ${result.error.message}`)
      calls++
    }
    return { perSecond: calls / (Number(process.hrtime.bigint() - t) / 1e9), calls }
  } finally {
    await stack.close()
  }
}
