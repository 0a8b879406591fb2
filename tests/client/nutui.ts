// NutUI's ES build is not transformed by jest (node_modules); its CommonJS build runs fine in
// jsdom, so the per-component ES paths the app imports are pointed at their CJS twins.
// Import this file before any component. (jest.mock calls are hoisted: literals only.)
jest.mock('@nutui/nutui-react-taro/dist/es/packages/button/index', () => jest.requireActual('@nutui/nutui-react-taro/dist/cjs/packages/button/index'))
jest.mock('@nutui/nutui-react-taro/dist/es/packages/textarea/index', () => jest.requireActual('@nutui/nutui-react-taro/dist/cjs/packages/textarea/index'))
jest.mock('@nutui/nutui-react-taro/dist/es/packages/button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/es/packages/textarea/style/css', () => ({}))

// NutUI's icons set a `-webkit-mask` inline style that React warns about in jsdom only
const consoleError = console.error
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unsupported style property') && String(args[1]).includes('webkit')) return
  consoleError(...args)
}

export {}
