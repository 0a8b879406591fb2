/** @jest-environment jsdom */
// miniprogram-simulate needs a DOM; the weapp project's default environment is node.
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { fakeFunctions, renderPage, textOf, until } from './simulate'

// The compiled report page on a phone whose WeChat has not yet recorded the person's
// agreement to the privacy guide: the page's first private API (locating) waits for our
// prompt, and WeChat's agreePrivacyAuthorization button lets it go on.

type WxOptions = { success?: (r: unknown) => void; fail?: (e: unknown) => void }
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

let agreedInWeChat = false
const located = jest.fn()

beforeAll(() => {
  require('miniprogram-simulate') // installs the global `wx` that the shim below amends
  fakeFunctions((_fn, call) => (call.action === 'catalogue' ? { ok: true, data: DEFAULT_CATALOGUE }
    : call.action === 'subscribeTemplates' ? { ok: true, data: { submit: [], accept: [], resolve: [], declare: [] } }
    : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }))
  wx().getPrivacySetting = (o: WxOptions) => setTimeout(() => o.success?.({ needAuthorization: !agreedInWeChat, privacyContractName: '《网格通隐私保护指引》' }), 0)
  wx().getLocation = (o: WxOptions) => {
    located()
    setTimeout(() => o.fail?.({ errMsg: 'getLocation:fail auth deny' }), 0)
  }
})

test('the report page asks for privacy agreement before locating, and locates once it is given', async () => {
  const { page } = renderPage('pages/report/index')
  await until(() => textOf(page).includes('使用定位或选点前，请您同意'))
  expect(textOf(page)).toContain('查看《网格通隐私保护指引》')
  expect(located).not.toHaveBeenCalled()
  // WeChat's native button, under the id onNeedPrivacyAuthorization's resolve names (the simulator keeps no open-type)
  expect(page.querySelector('#privacy-agree').dom.tagName).toBe('WX-BUTTON')

  // WeChat records the agreement on the tap of its own button, then fires bindagreeprivacyauthorization
  agreedInWeChat = true
  page.querySelector('#privacy-agree').dispatchEvent('agreeprivacyauthorization')
  await until(() => located.mock.calls.length === 1)
  await until(() => !textOf(page).includes('请您同意'))
  expect(textOf(page)).toContain('随手拍 · 上报问题')
})
