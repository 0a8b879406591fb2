import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { setTransport } from '../../client/src/api/transport'
import ReportForm from '../../client/src/pages/report/ReportForm'
import { fakeTransport, ok } from './fakeTransport'
import { demoMapAnswer } from './map/fixtures'

const taro = Taro as unknown as Record<string, jest.Mock>
const { __resetStorage } = require('@tarojs/taro') as { __resetStorage: () => void }
const routed = { reportId: 'rep-1', gridId: 'g1', gridName: '幸福里第一网格', status: 'assigned', routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' } }

beforeEach(() => {
  // a form left half-filled by one test would come back as the next one's draft
  __resetStorage()
  taro.getLocation.mockResolvedValue({ longitude: 114.057, latitude: 22.543, accuracy: 15 })
  taro.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:photo-1' }] })
})

const textOf = (id: string) => document.getElementById(id)?.textContent ?? null
const description = () => document.querySelector('#report-description textarea') as HTMLTextAreaElement

async function renderForm(handler: Parameters<typeof fakeTransport>[0] = () => ok(routed)) {
  // the place's calls (which grid the point is in) are answered from the demo street's map
  // and "me too" finds nothing near (tests/client/meTooReport.test.tsx has its own)
  const fake = fakeTransport((fn, body) => demoMapAnswer(body.action, body.payload) ?? (body.action === 'nearbyReports' ? ok([]) : handler(fn, body)))
  setTransport(fake.transport)
  const onSubmitted = jest.fn()
  const view = render(<ReportForm catalogue={DEFAULT_CATALOGUE} onSubmitted={onSubmitted} />)
  await waitFor(() => expect(textOf('location-place')).toBe('该位置属于 莲花一村社区 · 第2网格'))
  return { ...fake, onSubmitted, unmount: view.unmount }
}

async function fillValidForm(fake: ReturnType<typeof fakeTransport>) {
  await act(async () => { fireEvent.click(document.getElementById('report-add-photo')!) })
  act(() => { fake.uploads[0].progress(40) })
  expect(screen.getByText('上传中 40%')).toBeTruthy()
  await act(async () => { fake.uploads[0].resolve('file-1') })
  fireEvent.click(document.getElementById('category-garbage')!)
  fireEvent.change(description(), { target: { value: '小区东门垃圾三天没人清运' } })
}

const submit = async () => { await act(async () => { fireEvent.click(document.getElementById('report-submit')!) }) }

test('an empty form shows the shared schema messages on each field and sends nothing', async () => {
  const { calls } = await renderForm()
  await submit()
  expect(textOf('field-error-photos')).toBe('请至少上传1张照片')
  expect(textOf('field-error-category')).toBe('请选择问题类别')
  expect(textOf('field-error-description')).toBe('问题描述至少5个字，请写清是什么问题、在哪里')
  expect(textOf('field-error-location')).toBeNull()
  expect(calls.filter((c) => c.body.action === 'submitReport')).toHaveLength(0)
})

test('a field message goes away once the field is changed', async () => {
  await renderForm()
  await submit()
  fireEvent.click(document.getElementById('category-garbage')!)
  expect(textOf('field-error-category')).toBeNull()
  expect(textOf('field-error-description')).not.toBeNull()
})

test('the counter follows the description and says how many characters are still needed', async () => {
  await renderForm()
  expect(textOf('report-description-counter')).toBe('已写0字，至少5字')
  fireEvent.change(description(), { target: { value: '楼道堆' } })
  expect(textOf('report-description-counter')).toBe('已写3字，至少5字')
  fireEvent.change(description(), { target: { value: '楼道堆满纸箱' } })
  expect(textOf('report-description-counter')).toBe('6/500字')
})

test('a photo still uploading blocks the submit with a message on the photos', async () => {
  const { calls, uploads } = await renderForm()
  await act(async () => { fireEvent.click(document.getElementById('report-add-photo')!) })
  fireEvent.click(document.getElementById('category-garbage')!)
  fireEvent.change(description(), { target: { value: '小区东门垃圾三天没人清运' } })
  await submit()
  expect(textOf('field-error-photos')).toBe('还有照片没有上传成功，请点“重试”或删除后再提交')
  await act(async () => { uploads[0].reject(new Error('timeout')) })
  expect(screen.getByText('上传失败')).toBeTruthy()
  await act(async () => { fireEvent.click(screen.getByText('重试')) })
  expect(uploads).toHaveLength(2)
  expect(calls.filter((c) => c.body.action === 'submitReport')).toHaveLength(0)
})

test('server field errors are shown on the fields they name', async () => {
  const { onSubmitted, ...fake } = await renderForm(() => ({
    ok: false,
    error: { code: 'VALIDATION', message: '问题类别不存在', fields: { category: '问题类别不存在', 'location.lng': '位置不在中国境内，请重新定位' } },
  }))
  await fillValidForm(fake)
  await submit()
  expect(textOf('field-error-category')).toBe('问题类别不存在')
  expect(textOf('field-error-location')).toBe('位置不在中国境内，请重新定位')
  expect(onSubmitted).not.toHaveBeenCalled()
})

test('a retry after a lost answer sends the same requestId, so only one report can exist', async () => {
  let attempt = 0
  const { onSubmitted, ...fake } = await renderForm(() => {
    attempt += 1
    if (attempt === 1) throw new Error('request:fail timeout')
    return ok(routed)
  })
  await fillValidForm(fake)
  await submit()
  expect(textOf('report-form-error')).toContain('不会重复提交')
  await submit()
  const sent = fake.calls.filter((c) => c.body.action === 'submitReport')
  expect(sent).toHaveLength(2)
  expect(sent[0].body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(sent[1].body.requestId).toBe(sent[0].body.requestId)
  expect(sent[1].body).toMatchObject({
    action: 'submitReport',
    payload: { category: 'garbage', description: '小区东门垃圾三天没人清运', photos: ['file-1'], location: { lng: 114.057, lat: 22.543, accuracyM: 15 } },
  })
  expect(onSubmitted).toHaveBeenCalledWith(routed)
})

test('a new form fill gets a new requestId', async () => {
  const first = await renderForm()
  await fillValidForm(first)
  await submit()
  document.body.innerHTML = ''
  const second = await renderForm()
  await fillValidForm(second)
  await submit()
  const a = first.calls.find((c) => c.body.action === 'submitReport')!.body.requestId
  const b = second.calls.find((c) => c.body.action === 'submitReport')!.body.requestId
  expect(a).not.toBe(b)
})

test('a content-check refusal is shown under the field it names, saying what kind of wording to change', async () => {
  const refusal = '“问题描述”中有不宜发布的内容，请删去辱骂、广告、联系方式或违法信息等内容后再提交'
  const { onSubmitted, ...fake } = await renderForm(() => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: refusal, fields: { description: refusal } } }))
  await fillValidForm(fake)
  await submit()
  expect(textOf('field-error-description')).toBe(refusal)
  expect(document.querySelector('#report-description')!.className).toContain('gl-invalid')
  expect(textOf('field-error-address')).toBeNull()
  expect(textOf('report-form-error')).toBe(refusal)
  expect(onSubmitted).not.toHaveBeenCalled()
  // changing the words takes the message away
  fireEvent.change(description(), { target: { value: '小区东门垃圾三天没人清运了' } })
  expect(textOf('field-error-description')).toBeNull()
})

describe('the draft on this phone', () => {
  const DRAFT_KEY = 'gl.report.draft.anon'

  test('a half-filled report survives leaving the page: the next visit restores it and says so', async () => {
    const first = await renderForm()
    expect(textOf('report-draft-note')).toContain('草稿仅保存在本机')
    expect(textOf('report-draft')).toBeNull()
    await fillValidForm(first)
    fireEvent.change(document.querySelector('#report-address')!, { target: { value: '幸福里小区3栋' } })
    first.unmount()
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ fill: { category: 'garbage', description: '小区东门垃圾三天没人清运', address: '幸福里小区3栋', photos: [{ fileId: 'file-1', path: 'blob:photo-1' }] } })

    const second = await renderForm()
    expect(textOf('report-draft')).toContain('继续上次未提交的反映')
    expect(description().value).toBe('小区东门垃圾三天没人清运')
    expect((document.querySelector('#report-address') as HTMLInputElement).value).toBe('幸福里小区3栋')
    expect(textOf('category-garbage')).toBe('✓ 垃圾堆放')
    expect(document.querySelector('.photo-item[data-state=done]')).not.toBeNull()
    // the restored photo is sent by its stored id, with no new upload
    await submit()
    expect(second.uploads).toHaveLength(0)
    expect(second.calls.find((c) => c.body.action === 'submitReport')!.body.payload).toMatchObject({ category: 'garbage', photos: ['file-1'], address: '幸福里小区3栋' })
  })

  test('the restored location is where the person was, not where the phone is now', async () => {
    const first = await renderForm()
    await fillValidForm(first)
    first.unmount()
    taro.getLocation.mockResolvedValue({ longitude: 114.1, latitude: 22.6, accuracy: 15 })
    const second = await renderForm()
    await submit()
    expect((second.calls.find((c) => c.body.action === 'submitReport')!.body.payload as { location: unknown }).location).toEqual({ lng: 114.057, lat: 22.543, accuracyM: 15 })
  })

  test('a retry after reopening, with the answer lost, is the same request', async () => {
    let attempt = 0
    const first = await renderForm(() => {
      attempt += 1
      if (attempt === 1) throw new Error('request:fail timeout')
      return ok(routed)
    })
    await fillValidForm(first)
    await submit()
    first.unmount()
    const second = await renderForm()
    await submit()
    expect(second.calls.find((c) => c.body.action === 'submitReport')!.body.requestId).toBe(first.calls.find((c) => c.body.action === 'submitReport')!.body.requestId)
  })

  test('a sent report leaves no draft behind', async () => {
    const first = await renderForm()
    await fillValidForm(first)
    await submit()
    expect(first.onSubmitted).toHaveBeenCalledWith(routed)
    first.unmount()
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('')
    await renderForm()
    expect(textOf('report-draft')).toBeNull()
    expect(description().value).toBe('')
  })

  test('清空重填 asks first, then empties the form and the stored draft', async () => {
    const first = await renderForm()
    await fillValidForm(first)
    first.unmount()
    await renderForm()
    taro.showModal.mockResolvedValueOnce({ confirm: false })
    await act(async () => { fireEvent.click(document.getElementById('report-draft-clear')!) })
    expect(description().value).toBe('小区东门垃圾三天没人清运')
    await act(async () => { fireEvent.click(document.getElementById('report-draft-clear')!) })
    expect(description().value).toBe('')
    expect(document.querySelector('.photo-item')).toBeNull()
    expect(textOf('report-draft')).toBeNull()
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('')
  })

  test('the phone\'s own location alone is not worth a draft', async () => {
    const first = await renderForm()
    first.unmount()
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('')
  })
})
