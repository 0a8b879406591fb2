import Taro from '@tarojs/taro'
import { PRIVACY_AGREE_BUTTON_ID, askPrivacy, privacyDeclined, type PrivacyPurpose } from './privacyRequests'

// WeChat lets a private API (getLocation, chooseLocation, chooseMedia, chooseMessageFile, …) run
// only after the person agreed to the mini-program's 用户隐私保护指引 (base library 2.32.3+;
// below that nothing is gated and these APIs are absent). We ask with our own prompt before the
// first such call; an API WeChat stops anyway (one we did not gate) raises the same prompt.
// Promise chains, not async: the main package has no room for another transpiled generator.

/** Resolves when private APIs may run; rejects with privacyDeclined(purpose) when the person says no. */
export const ensurePrivacyAgreed = (purpose: PrivacyPurpose): Promise<void> =>
  new Promise<Taro.getPrivacySetting.SuccessCallbackResult | undefined>((resolve) => {
    if (!Taro.getPrivacySetting) return resolve(undefined)
    // a failed query lets the call go on: if WeChat still wants an answer it stops the call and we ask then
    Taro.getPrivacySetting({ success: resolve, fail: () => resolve(undefined) })
  })
    .then((s) => s?.needAuthorization ? askPrivacy(purpose, s.privacyContractName) : 'agree')
    .then((answer) => { if (answer !== 'agree') throw privacyDeclined(purpose) })

/** Once, at app start: without a listener WeChat shows its own generic dialog instead of ours. */
export function listenForPrivacyRequests(): void {
  Taro.onNeedPrivacyAuthorization?.((resolve, info) => {
    resolve({ event: 'exposureAuthorization' })
    // referrer: the API or component WeChat stopped
    const r = info?.referrer ?? ''
    askPrivacy(/Location/.test(r) ? 'location' : /choose(Media|Image)/.test(r) ? 'photos' : 'other').then((answer) =>
      resolve(answer === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }))
  })
}

/** The prompt is only ever shown where WeChat has privacy authorization, so this API exists. */
export const openPrivacyGuide = () => Taro.openPrivacyContract()
