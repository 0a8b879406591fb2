import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ContactCard, MyGrid, StaffContact } from '../../shared/api'
import { ELDER, ELDER_ACTION_PX, ELDER_BODY_PX } from '../../client/src/lib/elderNumbers'
import { gridCall } from '../../client/src/pages/home/contactWords'

// 长辈模式's rules: the person's remembered choice wins; without one, a large WeChat font turns it
// on (and a missing API leaves it off); the home page offers it once. Each "open" is a fresh copy
// of the app's modules (the mode is read once per launch) over the storage the last one left.
type Stored = Record<string, unknown>

interface Open {
  storage: Stored
  mode: typeof import('../../client/src/lib/largeText')
  rtl: typeof import('@testing-library/react')
  show(): void
  tap(id: string): void
}

/** One launch of the app with this storage and this WeChat (what getAppBaseInfo answers, or throws). */
function open(storage: Stored, appBaseInfo?: () => unknown): Open {
  let opened!: Open
  jest.isolateModules(() => {
    const taro = require('@tarojs/taro').default
    taro.getAppBaseInfo = appBaseInfo
    const react = require('react')
    const rtl = require('@testing-library/react') as typeof import('@testing-library/react')
    const mode = require('../../client/src/lib/largeText')
    const PageShell = require('../../client/src/components/PageShell').default
    const LargeTextToggle = require('../../client/src/components/LargeTextToggle').default
    const ElderOffer = require('../../client/src/pages/home/ElderOffer').default
    const live: Stored = { ...storage }
    taro.setStorageSync.mockImplementation((k: string, v: unknown) => { live[k] = v })
    taro.getStorageSync.mockImplementation((k: string) => (k in live ? live[k] : ''))
    opened = {
      storage: live,
      mode,
      rtl,
      show: () => { rtl.render(react.createElement(PageShell, { id: 'page-home' }, react.createElement(LargeTextToggle), react.createElement(ElderOffer))) },
      tap: (id: string) => rtl.act(() => { rtl.fireEvent.click(document.getElementById(id)!) }),
    }
  })
  launches.push(opened)
  return opened
}
// each launch has its own React and testing library: their roots are unmounted here, not by the library's own hook
process.env.RTL_SKIP_AUTO_CLEANUP = 'true'
const launches: Open[] = []
afterEach(() => { launches.splice(0).forEach((l) => l.rtl.cleanup()) })

const scale = (fontSizeScaleFactor: number) => () => ({ SDKVersion: '3.8.0', fontSizeScaleFactor })
const large = () => document.getElementById('page-home')!.classList.contains('gl-large')
const offered = () => document.getElementById('elder-offer') !== null
const switchWords = () => document.getElementById('large-text-toggle')!.textContent

describe('whether 长辈模式 is on', () => {
  test.each([
    ['chosen on, WeChat at its standard size', { 'gl.largeText': true }, 1, true],
    ['chosen off, WeChat at 关怀模式 size', { 'gl.largeText': false }, 1.4, false],
    ['not chosen, WeChat three steps up (21 px of 17)', {}, 21 / 17, true],
    ['not chosen, WeChat at 关怀模式 size', {}, 1.4, true],
    ['not chosen, WeChat one step up (18 px of 17)', {}, 18 / 17, false],
    ['not chosen, WeChat at its standard size', {}, 1, false],
  ])('%s', (_case, storage, factor, on) => {
    const app = open(storage, scale(factor))
    app.show()
    expect(large()).toBe(on)
    expect(switchWords()).toBe(on ? '长辈模式：已打开（点此关闭）' : '长辈模式：已关闭（点此打开）')
  })

  test('H5 and base libraries before 2.20.1 have no font scale: off, and nothing breaks', () => {
    for (const info of [undefined, () => ({ SDKVersion: '2.19.0' }), () => { throw new Error('getAppBaseInfo:fail not supported') }]) {
      const app = open({}, info)
      expect(app.mode.shouldOfferElderMode()).toBe(true)
      app.show()
      expect(large()).toBe(false)
      app.rtl.cleanup()
    }
  })

  test('the switch turns it on and off, and the choice outlives the launch and WeChat’s font', () => {
    const first = open({}, scale(1))
    first.show()
    first.tap('large-text-toggle')
    expect(large()).toBe(true)
    expect(first.storage['gl.largeText']).toBe(true)
    first.rtl.cleanup()

    const second = open(first.storage, scale(1))
    second.show()
    expect(large()).toBe(true)
    second.tap('large-text-toggle')
    expect(large()).toBe(false)
    second.rtl.cleanup()

    // switched off by hand: a large WeChat font no longer overrules the person
    const third = open(second.storage, scale(1.4))
    third.show()
    expect(large()).toBe(false)
  })

  test('a choice made with the old large-text switch (same key) still holds', () => {
    const app = open({ 'gl.largeText': true }, undefined)
    app.show()
    expect(large()).toBe(true)
    expect(offered()).toBe(false)
  })
})

describe('the offer on first open', () => {
  test('打开 turns the mode on, remembered, and the offer is gone for good', () => {
    const first = open({}, scale(1))
    first.show()
    expect(offered()).toBe(true)
    expect(document.getElementById('elder-offer')!.textContent).toContain('字太小？打开长辈模式')
    first.tap('elder-offer-yes')
    expect(large()).toBe(true)
    expect(offered()).toBe(false)
    first.rtl.cleanup()

    const again = open(first.storage, scale(1))
    again.show()
    expect(large()).toBe(true)
    expect(offered()).toBe(false)
  })

  test('不用了 leaves the mode off and is asked once; a large WeChat font later still turns it on', () => {
    const first = open({}, scale(1))
    first.show()
    first.tap('elder-offer-no')
    expect(offered()).toBe(false)
    expect(large()).toBe(false)
    first.rtl.cleanup()

    const again = open(first.storage, scale(1))
    again.show()
    expect(offered()).toBe(false)
    expect(large()).toBe(false)
    again.rtl.cleanup()

    const fontRaised = open(first.storage, scale(1.4))
    fontRaised.show()
    expect(large()).toBe(true)
    expect(offered()).toBe(false)
  })

  test('not offered when WeChat’s font already turned the mode on, nor after the switch was used', () => {
    const auto = open({}, scale(1.4))
    auto.show()
    expect(offered()).toBe(false)
    auto.rtl.cleanup()

    const switched = open({}, scale(1))
    switched.show()
    switched.tap('large-text-toggle')
    switched.tap('large-text-toggle')
    expect(large()).toBe(false)
    expect(offered()).toBe(false)
  })
})

describe('the home page’s call button', () => {
  const person = (over: Partial<StaffContact>): StaffContact => ({
    name: '李军', phone: '13920007919', role: 'grid_leader', roleName: '网格长', duties: '', officeHours: '', onLeave: null, ...over,
  })
  const card = (over: Partial<ContactCard>): MyGrid => ({ found: true, card: {
    gridId: 'g-1', gridName: '第1网格', communityId: 'c-1', communityName: '莲花一村社区', streetName: '华富街道',
    leader: person({}), workers: [person({ name: '王建国', phone: '13920000000', role: 'grid_worker', roleName: '网格员' })], hotline: '0755-12345', source: 'home', ...over,
  } })
  const away = { until: Date.UTC(2030, 2, 7, 16) }

  test.each([
    ['the leader on duty', card({}), { phone: '13920007919', title: '联系网格长', line: '李军 139 2000 7919' }],
    ['the leader on leave: the substitute', card({ leader: person({ onLeave: { ...away, substitute: { name: '张三', phone: '13900000001' } } }) }),
      { phone: '13900000001', title: '联系网格长', line: '代班 张三 139 0000 0001' }],
    ['no leader on duty: the first worker on duty', card({ leader: person({ onLeave: { ...away, substitute: null } }) }),
      { phone: '13920000000', title: '联系网格员', line: '王建国 139 2000 0000' }],
    ['nobody on duty: the street hotline', card({ leader: null, workers: [] }), { phone: '0755-12345', title: '拨打服务热线', line: '0755-12345' }],
    ['no grid found: the hotline the answer names', { found: false, reason: 'outside', areaName: '新田社区', hotline: '0755-88886666' } as MyGrid,
      { phone: '0755-88886666', title: '拨打服务热线', line: '0755-88886666' }],
  ])('rings %s', (_case, c, expected) => {
    expect(gridCall(c)).toMatchObject(expected)
  })
})

describe('the stylesheet carries the numbers of lib/elderNumbers.ts', () => {
  const css = readFileSync(join(__dirname, '../../client/src/components/elderMode.css'), 'utf8')
  const declared = (prop: string) => [...css.matchAll(new RegExp(`(?:^|[;{\\s])${prop}:\\s*([\\d.]+)PX`, 'g'))].map((m) => Number(m[1]))

  test('points are 4/3 px: 18 pt is 24 px, 30 pt is 40 px', () => {
    expect(ELDER_BODY_PX).toBe(24)
    expect(ELDER_ACTION_PX).toBe(40)
  })

  test('page text, main actions, taps and line spacing as the module says', () => {
    expect(declared('--gl-fs')).toEqual([ELDER_BODY_PX])
    expect(declared('--nutui-font-size-base')).toEqual([ELDER_BODY_PX])
    expect(declared('--nutui-button-large-font-size')).toEqual([ELDER_ACTION_PX])
    expect(css).toMatch(new RegExp(`\\.gl-large \\.home-action-words \\{ font-size: ${ELDER_ACTION_PX}PX; \\}`))
    expect(declared('--gl-tap')).toEqual([ELDER.tapPx])
    // no type below the page's size, no tap target below the minimum
    expect(Math.min(...declared('font-size'), ...declared('--nutui-font-size-s'), ...declared('--nutui-font-size-l'))).toBeGreaterThanOrEqual(ELDER_BODY_PX)
    expect(Math.min(...declared('min-height'), ...declared('min-width'), ...declared('--nutui-button-default-height'),
      ...declared('--nutui-button-large-height'), ...declared('--nutui-rate-icon-size'))).toBeGreaterThanOrEqual(ELDER.tapPx)
    const lineHeights = [...css.matchAll(/line-height:\s*([\d.]+)/g)].map((m) => Number(m[1]))
    expect(lineHeights.length).toBeGreaterThan(0)
    expect(Math.min(...lineHeights)).toBeGreaterThanOrEqual(ELDER.lineHeight)
  })

  test('sizes are in PX, which pxtransform leaves as CSS pixels on every screen width', () => {
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/\d(px|rpx|rem|em)\b/)
  })
})
