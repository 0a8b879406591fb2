import { cloudBackend } from './cloud'
import { weappTransport } from './config'
import { localBackend } from './http'

// WEAPP_TRANSPORT is fixed at build time (config/index.ts): 'cloud' when GRIDLINK_TCB_ENV was
// set, so the mini-program calls CloudBase as its WeChat account; otherwise 'http', so WeChat
// DevTools can still run against the local stack at API_BASE with the dev login.
export const backend = weappTransport === 'cloud' ? cloudBackend : localBackend
