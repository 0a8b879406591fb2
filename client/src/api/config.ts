// Build constants (config/index.ts); outside a Taro build (jest) they are absent, and
// `typeof` is the one way to ask about an undeclared name without throwing.
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : ''
export const cloudEnv: string = typeof CLOUD_ENV === 'string' ? CLOUD_ENV : ''
export const weappTransport: 'cloud' | 'http' = typeof WEAPP_TRANSPORT === 'string' ? WEAPP_TRANSPORT : 'http'
