import Taro from '@tarojs/taro'
import { call } from '../../client/src/api/client'
import { CDN_THRESHOLD_BYTES, exceedsBytes, withCdnFields } from '../../client/src/api/cdnFields'
import { cloudTransport } from '../../client/src/api/cloud'
import { clearSession } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import { liftCdnFields } from '../../cloudfunctions/adapters/cloudbase/cdnEnvelope'

// A large import file goes to the function by WeChat's temporary CDN: the weapp moves the
// text beside the envelope (WeChat replaces marked values in top-level fields of data) and
// marks it with wx.cloud.CDN; the function receives a URL there. Everything else goes as it is.
const cloud = (Taro as unknown as { cloud: Record<string, jest.Mock | undefined> }).cloud
const marker = (text: string) => ({ cdn: `marked ${text.length}` })
const answered = (data: unknown) => cloud.callFunction!.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data } })
const sent = () => cloud.callFunction!.mock.calls[0][0] as { name: string; data: { action: string; payload: Record<string, unknown>; [key: string]: unknown } }

/** A GeoJSON text of about `bytes` bytes, all ASCII. */
const geojsonOf = (bytes: number) => JSON.stringify({ type: 'FeatureCollection', features: [], pad: 'x'.repeat(bytes) }).slice(0, bytes)

beforeEach(() => {
  clearSession()
  cloud.callFunction!.mockReset()
  cloud.CDN = jest.fn(marker)
  setTransport(cloudTransport)
})
afterEach(() => { delete cloud.CDN })

describe('admin imports on CloudBase', () => {
  test('a grid file up to 100 KB is sent as text, without the CDN', async () => {
    answered({ applied: false })
    const geojson = geojsonOf(CDN_THRESHOLD_BYTES)
    await call('admin', 'importGrids', { geojson, from: 'wgs84', apply: false })
    expect(cloud.CDN).not.toHaveBeenCalled()
    expect(sent()).toEqual({ name: 'admin', data: { action: 'importGrids', payload: { geojson, from: 'wgs84', apply: false } } })
  })

  test('a grid file over 100 KB goes beside the envelope as cdn_geojson, marked with wx.cloud.CDN; the other fields as they are', async () => {
    answered({ applied: true })
    const geojson = geojsonOf(CDN_THRESHOLD_BYTES + 1)
    await expect(call('admin', 'importGrids', { geojson, from: 'gcj02', apply: true }, { requestId: 'req-import-01' })).resolves.toEqual({ applied: true })
    expect(cloud.CDN).toHaveBeenCalledTimes(1)
    expect(cloud.CDN).toHaveBeenCalledWith(geojson)
    expect(sent()).toEqual({
      name: 'admin',
      data: { action: 'importGrids', payload: { from: 'gcj02', apply: true }, requestId: 'req-import-01', cdn_geojson: { cdn: `marked ${geojson.length}` } },
    })
  })

  test('what the function entry receives (the marked field now a CDN URL) is the envelope with the URL in its payload field', () => {
    const geojson = geojsonOf(CDN_THRESHOLD_BYTES * 2)
    const data = withCdnFields('admin', { action: 'importGrids', payload: { geojson, from: 'wgs84', apply: false } }, marker)
    // WeChat uploads the marked value and puts its URL in that top-level field
    const event = { ...data, cdn_geojson: 'https://tmp-cdn.example.com/a1b2/file' }
    expect(liftCdnFields('admin', event)).toEqual({ action: 'importGrids', payload: { geojson: 'https://tmp-cdn.example.com/a1b2/file', from: 'wgs84', apply: false } })
  })

  test('a roster is measured in UTF-8 bytes: 40,000 Chinese characters (120 KB) go by the CDN, 34,000 (102 KB) do not', async () => {
    answered({ applied: false })
    const big = '张'.repeat(40_000)
    await call('admin', 'importRoster', { csv: big, apply: false })
    expect(cloud.CDN).toHaveBeenCalledWith(big)
    expect(sent().data).toEqual({ action: 'importRoster', payload: { apply: false }, cdn_csv: { cdn: 'marked 40000' } })

    cloud.callFunction!.mockClear()
    const under = '张'.repeat(34_000)
    await call('admin', 'importRoster', { csv: under, apply: false })
    expect(sent().data).toEqual({ action: 'importRoster', payload: { csv: under, apply: false } })
    expect(cloud.CDN).toHaveBeenCalledTimes(1)
  })

  test('a large field of any other action is sent as it is: only the import files are fetched by their functions', async () => {
    answered({ reportId: 'r1' })
    const description = 'x'.repeat(CDN_THRESHOLD_BYTES * 2)
    await cloudTransport.call('resident', { action: 'submitReport', payload: { description } })
    await cloudTransport.call('user', { action: 'importGrids', payload: { geojson: description } })
    expect(cloud.CDN).not.toHaveBeenCalled()
    expect(cloud.callFunction!.mock.calls.map((c) => c[0].data)).toEqual([{ action: 'submitReport', payload: { description } }, { action: 'importGrids', payload: { geojson: description } }])
  })

  test('on a base library without wx.cloud.CDN (before 2.12.0) the file is sent inline, as before', async () => {
    delete cloud.CDN
    answered({ applied: false })
    const geojson = geojsonOf(CDN_THRESHOLD_BYTES * 3)
    await call('admin', 'importGrids', { geojson, from: 'gcj02', apply: false })
    expect(sent().data).toEqual({ action: 'importGrids', payload: { geojson, from: 'gcj02', apply: false } })
  })
})

describe('counting UTF-8 bytes', () => {
  test.each([
    ['ASCII, one byte each', 'a'.repeat(10), 10],
    ['é, two bytes each', 'é'.repeat(5), 10],
    ['中, three bytes each', '中'.repeat(4), 12],
    ['an emoji, four bytes (a surrogate pair)', '😀😀', 8],
  ])('%s', (_what, text, bytes) => {
    expect(exceedsBytes(text, bytes)).toBe(false)
    expect(exceedsBytes(text, bytes - 1)).toBe(true)
  })
})
