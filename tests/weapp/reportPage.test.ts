/** @jest-environment jsdom */
// miniprogram-simulate needs a DOM; the weapp project's default environment is node.
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { fakeFunctions, renderPage, textOf, until } from './simulate'

type WxOptions = { success?: (r: unknown) => void; fail?: (e: unknown) => void }
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

let locationWorks = false
const PLACE = {
  outcome: 'inside', gridId: 'g-lianhua1-2', gridName: '莲花一村社区第2网格', communityId: null, communityName: '莲花一村社区',
  neighbourGridNames: [], message: '该位置属于 莲花一村社区 · 第2网格',
}

beforeAll(() => {
  require('miniprogram-simulate') // installs the global `wx` that the shim below amends
  // the functions, reduced to the calls the page makes on load (no subscription templates configured)
  fakeFunctions((_fn, call) => (call.action === 'catalogue' ? { ok: true, data: DEFAULT_CATALOGUE }
    : call.action === 'subscribeTemplates' ? { ok: true, data: { submit: [], accept: [], resolve: [], declare: [] } }
    // which grid the located point falls in, said before anything is sent (no community map in this fake)
    : call.action === 'locatePoint' ? { ok: true, data: PLACE }
    : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }))
  wx().getLocation = (o: WxOptions) => {
    setTimeout(() => (locationWorks
      ? o.success?.({ longitude: 114.057, latitude: 22.543, accuracy: 20, errMsg: 'getLocation:ok' })
      : o.fail?.({ errMsg: 'getLocation:fail auth deny' })), 0)
  }
})

test('the production report page renders, checks an empty form on 提交, and follows edits', async () => {
  const { page } = renderPage('pages/report/index')
  await until(() => textOf(page).includes('无法自动定位'))
  expect(textOf(page)).toContain('随手拍 · 上报问题')
  expect(textOf(page)).toContain('消防通道堵塞') // the catalogue arrived from the functions
  expect(textOf(page)).not.toContain('暂时连不上服务器')

  page.querySelector('#report-submit').dispatchEvent('tap')
  await until(() => page.querySelector('#field-error-description') !== undefined)
  const message = (id: string) => page.querySelector(`#${id}`)?.dom.textContent
  expect(message('field-error-photos')).toBe('请至少上传1张照片')
  expect(message('field-error-location')).toBe('请填写位置')
  expect(message('field-error-category')).toBe('请选择问题类别')
  expect(message('field-error-description')).toBe('问题描述至少5个字，请写清是什么问题、在哪里')

  // typing reaches React through Taro's {detail:{value}} input event
  page.querySelector('#report-description .nut-textarea-textarea').dispatchEvent('input', { detail: { value: '楼道堆' } })
  await until(() => message('report-description-counter') === '已写3字，至少5字')
  expect(message('field-error-description')).toBeUndefined()

  // a second try at locating settles the location message, and the place is named in words
  locationWorks = true
  page.querySelector('#location-relocate').dispatchEvent('tap')
  await until(() => textOf(page).includes('该位置属于 莲花一村社区 · 第2网格'))
  // the coordinates and the cleared message can reach the page in separate renders
  await until(() => message('field-error-location') === undefined)
  expect(message('field-error-photos')).toBe('请至少上传1张照片')
})
