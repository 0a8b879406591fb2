import type { PrivacyPurpose } from './privacyRequests'

// Browsers have no WeChat privacy authorization: the browser asks for location itself, and a
// file input is the person's own choice. privacy.weapp.ts is the mini-program's.

export const ensurePrivacyAgreed = (_purpose: PrivacyPurpose): Promise<void> => Promise.resolve()

export const listenForPrivacyRequests = () => undefined

export const openPrivacyGuide = () => undefined
