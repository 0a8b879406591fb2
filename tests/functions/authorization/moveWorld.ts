import type { LngLat } from '../../../shared/model'
import type { LocalStack } from '../../../cloudfunctions/local/stack'
import type { Subject } from './matrixWorld'

// The tasks the moves between people need and the six relations cannot name: a task's level
// (who decides its 延期 depends on it), a transfer across the G1–G2 border, a task handed to a
// substitute. Each is made through the real actions, so the world is one the workflow allows;
// all lie in C1 / S1, the callers' area, unless named.

/** G1 and G2 share the line lng 114.01: a point 10 m either side of it is near the border (30 m). */
export const NEAR_BORDER = {
  inG1: { lng: 114.0099, lat: 22.505 },
  inG2: { lng: 114.0101, lat: 22.505 },
} satisfies Record<string, LngLat>

export interface MovedTasks {
  /** inside G2 near G1, transferred to G1 by G2's worker: G1's staff accept or refuse it */
  transferredToG1: Subject
  /** inside G1 near G2, transferred to G2 by G1's worker: no longer G1's */
  transferredToG2: Subject
  /** waits in C1's queue at community level, escalated by G1's worker */
  atCommunity: Subject
  /** waits in S1's queue at street level (escalated by G1's worker, then by C1's dispatcher); its area is still C1 */
  atStreet: Subject
  /** accepted by w_g1 and asking for 延期 at each level: grid (C1 decides), community (S1), street (the district) */
  extensionAtGrid: Subject
  extensionAtCommunity: Subject
  extensionAtStreet: Subject
  /** a G2 task handed to w_g1 while G2's worker was on leave (w_g1 their substitute) */
  handedToSubstitute: Subject
}

type Call = (fn: string, userId: string, action: string, payload: unknown) => Promise<any>
type Report = (userId: string, location: LngLat) => Promise<Subject>

export async function moveWorld(stack: LocalStack, call: Call, report: Report, inG1: LngLat, inG2: LngLat): Promise<MovedTasks> {
  const must = async (fn: string, userId: string, action: string, payload: unknown) => {
    const r = await call(fn, userId, action, payload)
    if (!r.ok) throw new Error(`matrix world: ${fn}.${action} by ${userId}: ${r.error.message}`)
    return r.data
  }
  /** A move at the version the task has now. */
  const move = async (s: Subject, fn: string, userId: string, action: string, payload: Record<string, unknown> = {}) => {
    const task = await stack.deps.cases.getTask(s.taskId)
    await must(fn, userId, action, { taskId: s.taskId, version: task!.version, ...payload })
    return s
  }
  const why = { reason: '矩阵测试准备' }
  const escalated = async (times: 1 | 2) => {
    const s = await move(await report('res2', inG1), 'worker', 'w_g1', 'escalateTask', why)
    return times === 1 ? s : move(s, 'worker', 'cdisp', 'escalateTask', why)
  }
  /** Back at G1 from a dispatcher's queue (or fresh there), accepted by w_g1, asking for two more working days. */
  const askingExtension = async (s: Subject, assignedBy?: string) => {
    if (assignedBy) await move(s, 'admin', assignedBy, 'assignTask', { gridId: 'G1' })
    await move(s, 'worker', 'w_g1', 'acceptTask')
    return move(s, 'worker', 'w_g1', 'requestExtension', { days: 2, reason: '需要等配件到货' })
  }

  const now = stack.clock.now()
  await must('admin', 'admin', 'setLeave', { userId: 'w_g2', from: now - 3_600_000, until: now + 86_400_000, substituteId: 'w_g1' })
  const handedToSubstitute = await report('res2', inG2)
  await must('admin', 'admin', 'endLeave', { userId: 'w_g2' })
  if ((await stack.deps.cases.getTask(handedToSubstitute.taskId))?.assigneeId !== 'w_g1') throw new Error('matrix world: the substitute did not get the task')

  return {
    transferredToG1: await move(await report('res2', NEAR_BORDER.inG2), 'worker', 'w_g2', 'transferTask', { toGridId: 'G1', reason: '位置在一网格一侧' }),
    transferredToG2: await move(await report('res2', NEAR_BORDER.inG1), 'worker', 'w_g1', 'transferTask', { toGridId: 'G2', reason: '位置在二网格一侧' }),
    atCommunity: await escalated(1),
    atStreet: await escalated(2),
    extensionAtGrid: await askingExtension(await report('res2', inG1)),
    extensionAtCommunity: await askingExtension(await escalated(1), 'cdisp'),
    extensionAtStreet: await askingExtension(await escalated(2), 'sdisp'),
    handedToSubstitute,
  }
}
