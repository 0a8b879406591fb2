import type { BulkMoveResult } from '../../shared/api'
import { offsetByMetres } from '../../shared/routing/geo'
import { UNLIMITED } from '../../cloudfunctions/app/limits'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { submitReport } from '../../cloudfunctions/app/reports/submitReport'
import { DEMO_GRIDS, DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { hrMs } from './types'

// A dispatcher's 批量改派 on the local stack: `admin.bulkMove` with `{ type: 'assign' }` on
// tasks that one grid holds, through dispatch (schema, policy, the use case), to another grid
// of the same community. Every task is authorized, version-guarded and written on its own
// (cloudfunctions/app/tasks/moves/bulkMove.ts), so the figure is that many moves.

const FROM = DEMO_POINTS.insideClear.expected.gridId as string
const TO = DEMO_GRIDS.find((g) => g.communityId === DEMO_POINTS.insideClear.expected.communityId && g.id !== FROM)!.id
/** A first bulk move, not timed: the JIT and the statements warm, as on a host that has been serving. */
const WARM_UP = 20

export interface BulkReassign {
  tasks: number
  ms: number
  done: number
  failed: number
  firstFailure: string | null
  /** checked in the store afterwards: held by the target grid, assigned, one version on, with a 改派 line */
  verified: number
  fillSeconds: number
}

export async function bulkReassign(dataDir: string, count: number): Promise<BulkReassign> {
  const stack = await openLocalStack({ dataDir, seed: true, limits: UNLIMITED })
  try {
    const reporter = await stack.deps.reference.getUser('u_resident_1')
    const community = await stack.deps.reference.getCommunity(DEMO_POINTS.insideClear.expected.communityId as string)
    const dispatcher = community && (await stack.deps.reference.getUser(community.dispatcherIds[0]))
    if (!reporter || !dispatcher) throw new Error('bulk reassign: the seeded stack lacks u_resident_1 or the community dispatcher')
    const photo = await stack.files.saveFile(reporter.id, 'image/png', samplePhoto([120, 160, 90]))
    if ('error' in photo) throw new Error(photo.error)
    const t = process.hrtime.bigint()
    const refs: { taskId: string; version: number }[] = []
    for (let i = 0; i < count + WARM_UP; i++) {
      // a few metres apart, well inside the grid: each report routes to it, clear of its borders
      const location = { ...offsetByMetres(DEMO_POINTS.insideClear.point, (i % 20) - 10, Math.floor(i / 20) % 20 - 10), accuracyM: 15 }
      const made = await submitReport(stack.deps, reporter, { category: 'garbage', description: `${(i % 30) + 1}号楼楼道口垃圾堆放多日无人清理`, photos: [photo.id], location, address: '莲花路 1 号' }, `bulk-${i}`)
      if (!made.ok) throw new Error(`bulk reassign: a report was refused: ${made.error.code} ${made.error.message}`)
      const report = await stack.deps.cases.getReport(made.value.reportId)
      const task = report && (await stack.deps.cases.getTask(report.taskId))
      if (!task || task.gridId !== FROM) throw new Error(`bulk reassign: report ${made.value.reportId} did not land in ${FROM}`)
      refs.push({ taskId: task.id, version: task.version })
    }
    const fillSeconds = hrMs(t) / 1000
    const move = (tasks: typeof refs) => dispatch(stack.deps, 'admin', { action: 'bulkMove', payload: { tasks, move: { type: 'assign', gridId: TO } } }, dispatcher)
    const warm = await move(refs.slice(0, WARM_UP))
    if (!warm.ok) throw new Error(`bulk reassign warm-up: ${warm.error.code} ${warm.error.message}`)
    const measured = refs.slice(WARM_UP)
    const s = process.hrtime.bigint()
    const answer = await move(measured)
    const ms = hrMs(s)
    if (!answer.ok) throw new Error(`bulkMove: ${answer.error.code} ${answer.error.message}`)
    const result = answer.data as BulkMoveResult
    const failure = result.results.find((r) => !r.ok)
    let verified = 0
    for (const { taskId, version } of measured) {
      const task = await stack.deps.cases.getTask(taskId)
      const last = (await stack.deps.cases.listTimeline(taskId)).at(-1)
      if (task?.gridId === TO && task.status === 'assigned' && task.version === version + 1 && last?.action === 'reassign') verified++
    }
    return { tasks: measured.length, ms, done: result.done, failed: result.failed, firstFailure: failure && !failure.ok ? `${failure.code} ${failure.message}` : null, verified, fillSeconds }
  } finally {
    await stack.close()
  }
}

export const BULK_GRIDS = { from: FROM, to: TO }
