import { useSyncExternalStore } from 'react'

// The one open privacy question of the launch, shared by the gate (privacy.weapp.ts), WeChat's
// own stop (onNeedPrivacyAuthorization) and the prompt every page shell renders. One at a time:
// a second ask while the prompt is open waits for the same answer, so the person taps once.
// Kept small on purpose: it ships in the main package, which has almost no room left.

/** What the person was about to do: the prompt says why it asks, a decline says what still works. */
export type PrivacyPurpose = 'location' | 'photos' | 'other'
export type PrivacyAnswer = 'agree' | 'disagree'

/** WeChat checks that the agree button with this id was tapped before it lets a stopped call go on. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

/** The error a gated call fails with when the person says no; `privacyDeclined` names what was not done. */
export const privacyDeclined = (purpose: PrivacyPurpose) =>
  Object.assign(new Error('您没有同意隐私保护指引，这项操作没有进行'), { privacyDeclined: purpose })

interface State {
  asking?: { purpose: PrivacyPurpose; contractName: string }
  /** the last decline, until the person has read what they can still do */
  declined?: PrivacyPurpose
}

let state: State = {}
let pending: Promise<PrivacyAnswer> | undefined
let settle: ((answer: PrivacyAnswer) => void) | undefined
const listeners = new Set<() => void>()

const set = (next: State) => {
  state = next
  listeners.forEach((l) => l())
}

export function askPrivacy(purpose: PrivacyPurpose, contractName = ''): Promise<PrivacyAnswer> {
  if (!pending) {
    pending = new Promise((resolve) => {
      settle = (answer) => {
        pending = settle = undefined
        set(answer === 'agree' ? {} : { declined: purpose })
        resolve(answer)
      }
    })
    set({ asking: { purpose, contractName } })
  }
  return pending
}

export const answerPrivacy = (answer: PrivacyAnswer) => settle?.(answer)

export const dismissDeclined = () => set({})

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => { listeners.delete(l) }
}
const read = () => state

export const usePrivacyPrompt = () => useSyncExternalStore(subscribe, read, read)
