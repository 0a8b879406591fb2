import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import PageShell from '../../client/src/components/PageShell'
import ChooseLocationButton from '../../client/src/components/location/ChooseLocationButton.weapp'
import { setLargeText } from '../../client/src/lib/largeText'
import { locate } from '../../client/src/lib/locate'
import { pickPhotos } from '../../client/src/lib/pickPhotos'
import { listenForPrivacyRequests } from '../../client/src/lib/privacy.weapp'

// The mini-program's privacy gate: WeChat runs a private API only after the person agreed to
// the 用户隐私保护指引, and the agreement is the tap on WeChat's agreePrivacyAuthorization button.
// Here WeChat is a fake that records that tap, and every page shell carries the weapp prompt.

jest.mock('../../client/src/lib/privacy', () => jest.requireActual('../../client/src/lib/privacy.weapp'))
jest.mock('../../client/src/components/PrivacyPrompt', () => jest.requireActual('../../client/src/components/PrivacyPrompt.weapp'))
// the stub's Button knows no open-type: this one fires bindagreeprivacyauthorization on tap, as WeChat does
jest.mock('@tarojs/components', () => {
  const stub = jest.requireActual('@tarojs/components')
  const Button = ({ openType, onAgreePrivacyAuthorization, children, ...rest }: Record<string, any>) => (
    <button type='button' data-open-type={openType} {...rest}
      onClick={() => { if (openType === 'agreePrivacyAuthorization') (globalThis as any).wechatRecordsAgreement(); onAgreePrivacyAuthorization?.() }}>{children}</button>
  )
  return { ...stub, Button }
})

type Listener = (resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void
const taro = Taro as unknown as Record<string, jest.Mock | undefined>
let agreedInWeChat = false
;(globalThis as any).wechatRecordsAgreement = () => { agreedInWeChat = true }

const flush = () => act(() => new Promise((r) => setTimeout(r, 0)))
const prompt = () => document.getElementById('privacy-prompt')
const declined = () => document.getElementById('privacy-declined')
const tap = (id: string) => act(() => { fireEvent.click(document.getElementById(id)!) })

beforeEach(() => {
  agreedInWeChat = false
  taro.getPrivacySetting = jest.fn((o: any) => o.success({ needAuthorization: !agreedInWeChat, privacyContractName: '《网格通隐私保护指引》' }))
  taro.openPrivacyContract = jest.fn()
  taro.getLocation!.mockReset().mockResolvedValue({ longitude: 114.0571234, latitude: 22.5431234, accuracy: 30 })
  taro.chooseMedia!.mockReset().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }] })
  taro.chooseLocation = jest.fn().mockResolvedValue({ longitude: 114.05, latitude: 22.54 })
})

test('locating waits for the agreement, then asks for the position once', async () => {
  render(<PageShell id='page-report'>表单</PageShell>)
  const where = locate()
  await flush()
  expect(prompt()!.textContent).toContain('使用定位或选点前，请您同意')
  expect(prompt()!.textContent).toContain('身份证号')
  expect(taro.getLocation).not.toHaveBeenCalled()

  tap('privacy-agree')
  await expect(where).resolves.toEqual({ lng: 114.057123, lat: 22.543123, accuracyM: 30 })
  expect(taro.getLocation).toHaveBeenCalledTimes(1)
  expect(prompt()).toBeNull()
})

test('declining leaves the GPS alone and says the pin can still be placed on the map', async () => {
  render(<PageShell>表单</PageShell>)
  const where = locate()
  await flush()
  tap('privacy-disagree')
  await expect(where).rejects.toMatchObject({ privacyDeclined: 'location' })
  expect(taro.getLocation).not.toHaveBeenCalled()
  expect(declined()!.textContent).toBe('您没有同意，这项操作没有进行。您仍可在社区地图上点出位置，或从列表选网格。知道了')
  tap('privacy-declined-ok')
  expect(declined()).toBeNull()
})

test('declining photos opens neither camera nor album and says a report needs one, to be agreed later', async () => {
  render(<PageShell>表单</PageShell>)
  const picked = pickPhotos(3)
  await flush()
  expect(prompt()!.textContent).toContain('使用拍照或选照片前')
  tap('privacy-disagree')
  await expect(picked).rejects.toMatchObject({ privacyDeclined: 'photos' })
  expect(taro.chooseMedia).not.toHaveBeenCalled()
  expect(declined()!.textContent).toContain('上报问题至少要一张照片：想上报时再点添加照片，同意即可')

  // asking again is allowed, and an agreement then opens the picker
  const again = pickPhotos(3)
  await flush()
  expect(declined()).toBeNull()
  tap('privacy-agree')
  await expect(again).resolves.toEqual(['wxfile://a.jpg'])
})

test('once agreed, WeChat needs nothing more and later calls go straight on without a prompt', async () => {
  render(<PageShell>表单</PageShell>)
  const first = locate()
  await flush()
  tap('privacy-agree')
  await first

  const second = locate()
  const photos = pickPhotos(1)
  await flush()
  expect(prompt()).toBeNull()
  await expect(Promise.all([second, photos])).resolves.toHaveLength(2)
  expect(taro.getLocation).toHaveBeenCalledTimes(2)
  expect(taro.chooseMedia).toHaveBeenCalledTimes(1)
})

test('two private calls while the prompt is open share one prompt and one answer', async () => {
  render(<PageShell>表单</PageShell>)
  const where = locate()
  const photos = pickPhotos(2)
  await flush()
  expect(document.querySelectorAll('#privacy-prompt')).toHaveLength(1)
  tap('privacy-agree')
  await Promise.all([where, photos])
  expect(taro.getLocation).toHaveBeenCalledTimes(1)
  expect(taro.chooseMedia).toHaveBeenCalledTimes(1)
})

test('WeChat place chooser: not opened after a decline, opened after an agreement', async () => {
  const onChoose = jest.fn()
  render(<PageShell><ChooseLocationButton value={null} onChoose={onChoose} /></PageShell>)
  tap('location-choose')
  await flush()
  expect(prompt()!.textContent).toContain('使用定位或选点前')
  tap('privacy-disagree')
  await flush()
  expect(taro.chooseLocation).not.toHaveBeenCalled()
  expect(onChoose).not.toHaveBeenCalled()
  expect(declined()!.textContent).toContain('在社区地图上点出位置')

  tap('location-choose')
  await flush()
  tap('privacy-agree')
  await flush()
  expect(taro.chooseLocation).toHaveBeenCalledTimes(1)
  expect(onChoose).toHaveBeenCalledWith({ lng: 114.05, lat: 22.54 })
})

test('a base library without privacy authorization (below 2.32.3) lets the call go on at once', async () => {
  taro.getPrivacySetting = undefined
  render(<PageShell>表单</PageShell>)
  await expect(locate()).resolves.toMatchObject({ lng: 114.057123 })
  expect(prompt()).toBeNull()
})

test('the prompt links to the full guide and follows large-text mode', async () => {
  act(() => setLargeText(true))
  render(<PageShell>表单</PageShell>)
  const where = locate()
  await flush()
  expect(prompt()!.closest('.gl-page')!.className).toContain('gl-large')
  const link = screen.getByText('查看《网格通隐私保护指引》')
  fireEvent.click(link)
  expect(taro.openPrivacyContract).toHaveBeenCalledTimes(1)
  expect(document.getElementById('privacy-agree')!.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
  tap('privacy-agree')
  await where
  act(() => setLargeText(false))
})

describe('an API WeChat stops itself (onNeedPrivacyAuthorization)', () => {
  let listener: Listener
  beforeAll(() => {
    taro.onNeedPrivacyAuthorization = jest.fn((l: Listener) => { listener = l })
    listenForPrivacyRequests()
  })

  test('shows our prompt and tells WeChat "agree" with the agree button id', async () => {
    render(<PageShell>导入</PageShell>)
    const resolve = jest.fn()
    act(() => listener(resolve, { referrer: 'chooseMessageFile' }))
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(prompt()!.textContent).toContain('使用这项功能前')
    tap('privacy-agree')
    await flush()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  })

  test('tells WeChat "disagree" on a decline, and the page says what still works', async () => {
    render(<PageShell>表单</PageShell>)
    const resolve = jest.fn()
    act(() => listener(resolve, { referrer: 'getLocation' }))
    tap('privacy-disagree')
    await flush()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
    expect(declined()!.textContent).toContain('您仍可在社区地图上点出位置')
    tap('privacy-declined-ok')
  })
})
