import Taro from '@tarojs/taro'
import type { PatrolView } from '../../../shared/api'
import { getUser } from '../api/session'
import { newRequestId } from '../lib/requestId'

// What the patrol page keeps on the phone, per account: the open patrol as the server last
// answered it (a reload or a closed mini-program mid-walk comes back to it, offline too), and
// the requestId of a 开始巡查 not yet answered (a retry reuses it, so the server never opens a
// second patrol for one tap). listPatrols stays the truth: the page corrects both from it.

const key = (what: string) => `gl.patrol.${what}.${getUser()?.id ?? 'anon'}`

export function keptOpenPatrol(): PatrolView | null {
  const kept = Taro.getStorageSync(key('open'))
  return kept && typeof kept === 'object' && typeof (kept as PatrolView).id === 'string' ? (kept as PatrolView) : null
}

export function keepOpenPatrol(patrol: PatrolView | null) {
  if (patrol && patrol.endedAt === null) Taro.setStorageSync(key('open'), patrol)
  else Taro.removeStorageSync(key('open'))
}

/** The requestId for 开始巡查: the one still unanswered, else a new one kept until it succeeds. */
export function startRequestId(): string {
  const kept = Taro.getStorageSync(key('start'))
  if (typeof kept === 'string' && kept) return kept
  const fresh = newRequestId()
  Taro.setStorageSync(key('start'), fresh)
  return fresh
}

export const forgetStartRequest = () => Taro.removeStorageSync(key('start'))
