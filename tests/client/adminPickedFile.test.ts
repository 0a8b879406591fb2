import { TextDecoder as NodeTextDecoder } from 'node:util'
import { decodeText, sizeWords, stripBom } from '../../client/src/admin/common/pickedFile'

// jsdom leaves TextDecoder out; the browsers the admin pages run in have it, GBK included
beforeAll(() => { (globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder })

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex')).buffer

test('a UTF-8 file is read as UTF-8 and loses the byte order mark Excel writes', () => {
  expect(decodeText(bytes(`efbbbf${Buffer.from('姓名,工作电话').toString('hex')}`))).toBe('姓名,工作电话')
})

test('a GBK file (Excel\'s plain "CSV" on Chinese Windows) is read as GBK', () => {
  expect(decodeText(bytes('d0d5c3fb2cb9a4d7f7b5e7bbb0'))).toBe('姓名,工作电话')
})

test('stripBom leaves text without a mark alone', () => {
  expect(stripBom('姓名')).toBe('姓名')
  expect(stripBom('\uFEFF姓名')).toBe('姓名')
})

test.each([[512, '512 字节'], [2048, '2 KB'], [3 * 1024 * 1024, '3.0 MB']])('%d bytes read as %s', (n, words) => {
  expect(sizeWords(n)).toBe(words)
})
