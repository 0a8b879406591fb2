// API_BASE is a build constant (config/index.ts); outside a Taro build (jest) it is absent,
// and `typeof` is the one way to ask about an undeclared name without throwing.
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : ''
