import Taro from '@tarojs/taro'
import type { GrantAnswer, SubscribeTemplates } from '../../../shared/api'
import { call } from '../api/client'
import type { GrantTap } from './grants'

// One-time subscription grants, asked on the taps that precede a message: submit, accept,
// resolve (DESIGN.md, "Publishing results back"). WeChat shows its dialog only when
// requestSubscribeMessage runs inside a tap, before the handler awaits anything: so the ids
// are fetched ahead (page load) and requestGrants never waits, and never fails the tap.

// WeChat takes at most three template ids per request
const MAX_PER_REQUEST = 3
const ANSWERS: GrantAnswer[] = ['accept', 'reject', 'ban', 'filter']
const isAnswer = (v: unknown): v is GrantAnswer => ANSWERS.indexOf(v as GrantAnswer) >= 0

let templates: SubscribeTemplates | null = null
let fetching = false

const quiet = (what: string, e: unknown) => console.warn(`subscription grants: ${what} failed`, e)

/** Fetches the template ids once per launch; a failed fetch is tried again on the next page load. */
export function prefetchGrantTemplates(): void {
  if (templates || fetching) return
  fetching = true
  call('user', 'subscribeTemplates', {})
    .then((t) => { templates = t })
    .catch((e) => quiet('subscribeTemplates', e))
    .then(() => { fetching = false })
}

/** Call synchronously in the tap handler, before its first await; returns at once. */
export function requestGrants(tap: GrantTap): void {
  const tmplIds = (templates?.[tap] ?? []).slice(0, MAX_PER_REQUEST)
  if (tmplIds.length === 0) return
  let asked: Promise<Record<string, unknown>>
  try {
    // Taro's typing wants Alipay's entityIds as well; WeChat reads tmplIds only
    asked = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option) as Promise<Record<string, unknown>>
  } catch (e) {
    quiet('requestSubscribeMessage', e)
    return
  }
  asked
    .then((res) => {
      const answers: Record<string, GrantAnswer> = {}
      for (const id of tmplIds) {
        const answer = res[id]
        if (isAnswer(answer)) answers[id] = answer
      }
      if (Object.keys(answers).length > 0) return call('user', 'recordGrants', { answers })
    })
    .catch((e) => quiet('requestSubscribeMessage or recordGrants', e))
}
