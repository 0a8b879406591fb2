import type { LngLat } from '../../../shared/model'
import type { LocalStack } from '../../../cloudfunctions/local/stack'
import type { Subject } from './matrixWorld'

// What the matrix world adds for issue 13 (neighbourRows.ts has the rows): a report vol follows
// ("me too"), and an open patrol each of vol and vol2.

/** What neighbourWorld adds: a report vol follows, and one open patrol each of vol and vol2. */
export interface NeighbourWorld {
  followedByVol: Subject
  patrols: { vol: string; vol2: string }
}

type Call = (fn: string, userId: string, action: string, payload: unknown) => Promise<any>

export async function neighbourWorld(_stack: LocalStack, call: Call, report: (userId: string, at: LngLat) => Promise<Subject>, at: LngLat): Promise<NeighbourWorld> {
  const must = async (fn: string, userId: string, action: string, payload: unknown) => {
    const r = await call(fn, userId, action, payload)
    if (!r.ok) throw new Error(`matrix world: ${fn}.${action}: ${r.error.message}`)
    return r.data
  }
  const followedByVol = await report('res2', at)
  await must('resident', 'vol', 'joinReport', { reportId: followedByVol.reportId, location: at })
  const vol = await must('resident', 'vol', 'startPatrol', { location: at })
  const vol2 = await must('resident', 'vol2', 'startPatrol', { location: at })
  return { followedByVol, patrols: { vol: vol.id, vol2: vol2.id } }
}

