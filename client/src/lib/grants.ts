import type { SubscribeTemplates } from '../../../shared/api'

// Browsers get no WeChat subscription messages: nothing to fetch, nothing to ask.
// grants.weapp.ts is the mini-program's.

export type GrantTap = keyof SubscribeTemplates

export const prefetchGrantTemplates = () => undefined

export const requestGrants = (_tap: GrantTap) => undefined
