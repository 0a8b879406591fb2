import { liftCdnFields } from '../../../cloudfunctions/adapters/cloudbase/cdnEnvelope'
import { CdnImportTexts, MAX_DOWNLOAD_BYTES } from '../../../cloudfunctions/adapters/cloudbase/cdnImportTexts'
import { cdnHostsSetting, importValueOf } from '../../../cloudfunctions/adapters/cloudbase/cdnUrl'
import { localImportTexts } from '../../../cloudfunctions/adapters/local/importTexts'
import { MAX_IMPORT_TEXT } from '../../../shared/schemas/admin'
import { CdnStandIn } from './cdnStandIn'

// An admin import's file on CloudBase: inline text stays text; a URL of WeChat's temporary
// CDN (what wx.cloud.CDN leaves in the field) is downloaded, within a size cap and a
// timeout; any other URL is refused before anything is fetched.
const GRIDS = { path: 'geojson', label: '网格边界文件' }
const ROSTER = { path: 'csv', label: '人员名单文件' }

describe('which field values are temporary CDN URLs', () => {
  test.each([
    ['a GeoJSON file', '{"type":"FeatureCollection","features":[]}'],
    ['a CSV file (it has line breaks)', '姓名,工作电话,角色,所属编码\n张三,13900000001,网格员,440304005001001'],
    ['a one-line text with spaces', 'https://tmp-cdn.example.com/a b'],
    ['an empty field (the schema refuses it)', ''],
  ])('%s is text', (_what, value) => {
    expect(importValueOf(value)).toEqual({ kind: 'text' })
  })

  // the docs name no host for the temporary CDN: any https URL on a public host name passes
  test.each([
    ['a CDN host', 'https://tmp-cdn.example.com/7f3a9c/grids.txt'],
    ['the shape of a CloudBase storage link, with a signature', 'https://7463-gridlink-prod-1a2b3c-1300000000.tcb.qcloud.la/tmp/7f3a.txt?sign=a1b2c3&t=1700000000'],
    ['a host name with a trailing dot', 'https://tmp-cdn.example.com./f'],
  ])('%s is a CDN URL', (_what, value) => {
    const seen = importValueOf(value)
    expect(seen.kind === 'cdn' ? seen.url.href : seen).toBe(new URL(value).href)
  })

  test.each([
    ['plain http', 'http://tmp-cdn.example.com/f', 'tmp-cdn.example.com'],
    ['a file URL', 'file:///etc/passwd', ''],
    ['an ftp URL', 'ftp://tmp-cdn.example.com/f', 'tmp-cdn.example.com'],
    ['a data URL', 'data:text/plain,{}', ''],
    ['a javascript URL', 'javascript:alert(1)', ''],
    ['an IPv4 address', 'https://169.254.0.23/latest/meta-data', '169.254.0.23'],
    ['an IPv4 address in hex (normalised to 127.0.0.1)', 'https://0x7f000001/f', '127.0.0.1'],
    ['an IPv6 address', 'https://[::1]/f', '[::1]'],
    ['localhost', 'https://localhost/f', 'localhost'],
    ['a single-label name', 'https://metadata/f', 'metadata'],
    ['an internal name', 'https://db.service.internal/f', 'db.service.internal'],
    ['a port of its own', 'https://tmp-cdn.example.com:8443/f', 'tmp-cdn.example.com:8443'],
    ['credentials in the URL', 'https://user:secret@tmp-cdn.example.com/f', 'tmp-cdn.example.com'],
  ])('%s is refused', (_what, value, host) => {
    expect(importValueOf(value)).toEqual({ kind: 'refused', host })
  })

  test('a URL that does not parse is refused without a host', () => {
    expect(importValueOf('https://')).toEqual({ kind: 'refused' })
  })

  test('GRIDLINK_IMPORT_CDN_HOSTS narrows the hosts to exact names and .suffixes', () => {
    const hosts = cdnHostsSetting({ GRIDLINK_IMPORT_CDN_HOSTS: ' .tcb.qcloud.la, Tmp-CDN.example.com ' })
    expect(hosts).toEqual(['.tcb.qcloud.la', 'tmp-cdn.example.com'])
    expect(importValueOf('https://7463-env-1300000000.tcb.qcloud.la/f', hosts).kind).toBe('cdn')
    expect(importValueOf('https://tmp-cdn.example.com/f', hosts).kind).toBe('cdn')
    expect(importValueOf('https://other.example.com/f', hosts)).toEqual({ kind: 'refused', host: 'other.example.com' })
    expect(importValueOf('https://tcb.qcloud.la.evil.example/f', hosts).kind).toBe('refused')
    expect(importValueOf('https://eviltcb.qcloud.la/f', hosts).kind).toBe('refused')
  })

  test('GRIDLINK_IMPORT_CDN_HOSTS unset or empty allows any public host; a bad entry stops the container by name', () => {
    expect(cdnHostsSetting({})).toEqual([])
    expect(cdnHostsSetting({ GRIDLINK_IMPORT_CDN_HOSTS: '' })).toEqual([])
    expect(() => cdnHostsSetting({ GRIDLINK_IMPORT_CDN_HOSTS: 'https://tmp-cdn.example.com/' })).toThrow(/GRIDLINK_IMPORT_CDN_HOSTS lists host names/)
  })
})

describe('fetching a file from the temporary CDN', () => {
  let cdn: CdnStandIn
  let logged: jest.SpyInstance
  beforeEach(async () => {
    cdn = await CdnStandIn.start()
    logged = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    logged.mockRestore()
    await cdn.close()
  })
  const texts = (opts: { maxBytes?: number; timeoutMs?: number } = {}) => new CdnImportTexts({ fetch: cdn.fetch, ...opts })

  test('downloads the file at the URL and answers with its text, UTF-8 decoded', async () => {
    const csv = '姓名,工作电话,角色,所属编码\n张三,13900000001,网格员,440304005001001'
    cdn.file('/tmp/roster.csv', csv)
    await expect(texts().resolve(cdn.url('/tmp/roster.csv'), ROSTER)).resolves.toEqual({ ok: true, value: csv })
    expect(cdn.asked).toEqual(['/tmp/roster.csv'])
    // the function log names the CDN's host, which WeChat's docs do not: what GRIDLINK_IMPORT_CDN_HOSTS would list
    expect(logged).toHaveBeenCalledWith(`importTexts: csv downloaded from tmp-cdn.example.com, ${Buffer.byteLength(csv)} bytes`)
  })

  test('inline text is the text: nothing is fetched', async () => {
    const fetch = jest.fn()
    const geojson = '{"type":"FeatureCollection","features":[]}'
    await expect(new CdnImportTexts({ fetch }).resolve(geojson, GRIDS)).resolves.toEqual({ ok: true, value: geojson })
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a URL that is not the CDN\'s is a VALIDATION naming the field, and nothing is fetched', async () => {
    const fetch = jest.fn()
    const out = await new CdnImportTexts({ fetch }).resolve('http://169.254.0.23/latest/meta-data', GRIDS)
    const message = '网格边界文件的地址不是微信临时 CDN 的 https 地址（169.254.0.23），请在小程序中重新选择文件后再试'
    expect(out).toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { geojson: message } } })
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a file past the cap is refused as too large, whether its Content-Length says so or not', async () => {
    cdn.file('/big', 'x'.repeat(1001))
    cdn.route('/big-chunked', (_req, res) => {
      res.writeHead(200)
      for (let i = 0; i < 20; i++) res.write('y'.repeat(100))
      res.end()
    })
    const message = `网格边界文件过大：页面上一次最多 ${MAX_IMPORT_TEXT / 1000} KB，请按街道拆分后分批导入`
    for (const path of ['/big', '/big-chunked']) {
      await expect(texts({ maxBytes: 1000 }).resolve(cdn.url(path), GRIDS)).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { geojson: message } } })
    }
    cdn.file('/exact', 'z'.repeat(1000))
    await expect(texts({ maxBytes: 1000 }).resolve(cdn.url('/exact'), GRIDS)).resolves.toEqual({ ok: true, value: 'z'.repeat(1000) })
  })

  test('the default cap is what the 900 KB text limit can take in UTF-8: 3 bytes a character', () => {
    expect(MAX_DOWNLOAD_BYTES).toBe(3 * MAX_IMPORT_TEXT)
    expect(Buffer.byteLength('中'.repeat(MAX_IMPORT_TEXT))).toBe(MAX_DOWNLOAD_BYTES)
  })

  test('an answer other than 200 (an expired link) is a VALIDATION that says to pick the file again', async () => {
    cdn.route('/expired', (_req, res) => { res.writeHead(403); res.end('<Error>Request has expired</Error>') })
    const out = await texts().resolve(cdn.url('/expired'), ROSTER)
    const message = '人员名单文件下载失败（HTTP 403），临时文件可能已过期，请重新选择文件后再试'
    expect(out).toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { csv: message } } })
    await expect(texts().resolve(cdn.url('/missing'), ROSTER)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { csv: expect.stringContaining('HTTP 404') } } })
  })

  test('a CDN that does not answer in time is an INTERNAL naming the field, and is logged', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    cdn.route('/silent', () => undefined)
    cdn.route('/stalls', (_req, res) => { res.writeHead(200, { 'content-length': '100' }); res.write('partial') })
    const message = '网格边界文件下载超时，请稍后重试'
    for (const path of ['/silent', '/stalls']) {
      await expect(texts({ timeoutMs: 200 }).resolve(cdn.url(path), GRIDS)).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message, fields: { geojson: message } } })
    }
    expect(errors).toHaveBeenCalledTimes(2)
    expect(String(errors.mock.calls[0][0])).toContain('tmp-cdn.example.com')
    errors.mockRestore()
  })

  test('a network failure is an INTERNAL naming the field', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const out = await new CdnImportTexts({ fetch: () => Promise.reject(new TypeError('fetch failed')) }).resolve('https://tmp-cdn.example.com/f', ROSTER)
    expect(out).toEqual({ ok: false, error: { code: 'INTERNAL', message: '人员名单文件下载失败，请稍后重试', fields: { csv: '人员名单文件下载失败，请稍后重试' } } })
    expect(errors).toHaveBeenCalledTimes(1)
    errors.mockRestore()
  })

  test('a redirect is followed only to another CDN URL', async () => {
    cdn.file('/edge/grids.geojson', '{"type":"FeatureCollection","features":[]}')
    cdn.route('/grids.geojson', (_req, res) => { res.writeHead(302, { location: '/edge/grids.geojson' }); res.end() })
    cdn.route('/away', (_req, res) => { res.writeHead(302, { location: 'http://169.254.0.23/latest/meta-data' }); res.end() })
    await expect(texts().resolve(cdn.url('/grids.geojson'), GRIDS)).resolves.toEqual({ ok: true, value: '{"type":"FeatureCollection","features":[]}' })
    await expect(texts().resolve(cdn.url('/away'), GRIDS)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { geojson: expect.stringContaining('169.254.0.23') } } })
    expect(cdn.asked).toEqual(['/grids.geojson', '/edge/grids.geojson', '/away'])
  })

  test('a file that is not UTF-8 is a VALIDATION naming the field', async () => {
    cdn.file('/gbk.csv', Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31]))
    const message = '人员名单文件不是 UTF-8 文本，请另存为 UTF-8 后重新选择'
    await expect(texts().resolve(cdn.url('/gbk.csv'), ROSTER)).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { csv: message } } })
  })
})

describe('putting a CDN field back into the payload', () => {
  const URL_ = 'https://tmp-cdn.example.com/a1b2/file'

  test('cdn_geojson of admin.importGrids and cdn_csv of admin.importRoster become their payload fields', () => {
    expect(liftCdnFields('admin', { action: 'importGrids', payload: { from: 'gcj02', apply: true }, requestId: 'req-1', cdn_geojson: URL_ }))
      .toEqual({ action: 'importGrids', payload: { from: 'gcj02', apply: true, geojson: URL_ }, requestId: 'req-1' })
    expect(liftCdnFields('admin', { action: 'importRoster', cdn_csv: URL_ })).toEqual({ action: 'importRoster', payload: { csv: URL_ } })
  })

  test('any other event is left as it came (dispatch drops keys the envelope does not have)', () => {
    const plain = { action: 'importGrids', payload: { geojson: '{}', from: 'gcj02', apply: false } }
    const elsewhere = { action: 'submitReport', payload: {}, cdn_geojson: URL_ }
    const otherField = { action: 'importGrids', payload: {}, cdn_csv: URL_ }
    const oddPayload = { action: 'importGrids', payload: 'text', cdn_geojson: URL_ }
    expect(liftCdnFields('admin', plain)).toBe(plain)
    expect(liftCdnFields('resident', elsewhere)).toBe(elsewhere)
    expect(liftCdnFields('user', { ...elsewhere, action: 'importGrids' })).toEqual({ ...elsewhere, action: 'importGrids' })
    expect(liftCdnFields('admin', otherField)).toBe(otherField)
    expect(liftCdnFields('admin', oddPayload)).toBe(oddPayload)
    expect(liftCdnFields('admin', null)).toBeNull()
  })
})

test('the local host takes every value as the text itself', async () => {
  await expect(localImportTexts.resolve('https://tmp-cdn.example.com/f', GRIDS)).resolves.toEqual({ ok: true, value: 'https://tmp-cdn.example.com/f' })
})
