import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DiskFiles, MAX_FILE_BYTES, sniffImage } from '../../../cloudfunctions/adapters/local/diskFiles'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import type { FileRecord } from '../../../cloudfunctions/app/ports'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')

let dir: string
let store: SqliteStore
let files: DiskFiles
const photoDir = () => path.join(dir, 'files')

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-files-'))
  store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  files = new DiskFiles(photoDir(), store, { now: () => 1_700_000_000_000 })
})
afterEach(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const saved = async (mime: string, bytes: Buffer): Promise<FileRecord> => {
  const result = await files.saveFile('u_res', mime, bytes)
  if ('error' in result) throw new Error(result.error)
  return result
}

describe('photos on disk', () => {
  it.each([
    ['image/jpeg', JPEG],
    ['image/png', PNG],
    ['image/webp', WEBP],
  ])('stores a %s photo, records it and reads it back', async (mime, bytes) => {
    const record = await saved(mime, bytes)
    expect(record).toEqual({ id: expect.stringMatching(/^f_[0-9a-f]{32}$/), ownerId: 'u_res', mime, size: bytes.length, createdAt: 1_700_000_000_000 })
    expect(await store.getFiles([record.id])).toEqual([record])
    expect(await files.readFile(record.id)).toEqual({ record, bytes })
  })

  it('takes the type from the bytes when the upload names none', async () => {
    expect((await saved('application/octet-stream', PNG)).mime).toBe('image/png')
    expect((await saved('IMAGE/JPG', JPEG)).mime).toBe('image/jpeg')
  })

  it.each([
    ['a type other than JPEG, PNG or WebP', 'image/gif', GIF, '只能上传 JPEG、PNG 或 WebP 格式的照片'],
    ['bytes that are no image under an image type', 'image/jpeg', Buffer.from('<?php echo 1; ?>'), '文件内容不是 JPEG、PNG 或 WebP 照片'],
    ['a GIF sent as octet-stream', 'application/octet-stream', GIF, '文件内容不是 JPEG、PNG 或 WebP 照片'],
    ['PNG bytes declared as JPEG', 'image/jpeg', PNG, '照片格式与文件内容不符，请重新选择'],
    ['an empty file', 'image/png', Buffer.alloc(0), '照片是空文件，请重新选择'],
    ['a file over 10 MB', 'image/jpeg', Buffer.concat([JPEG, Buffer.alloc(MAX_FILE_BYTES)]), '照片不能超过 10 MB'],
  ])('refuses %s and stores nothing', async (_, mime, bytes, error) => {
    expect(await files.saveFile('u_res', mime, bytes)).toEqual({ error })
    expect(fs.existsSync(photoDir()) ? fs.readdirSync(photoDir()) : []).toEqual([])
  })

  it('accepts a photo of exactly 10 MB', async () => {
    const bytes = Buffer.concat([JPEG, Buffer.alloc(MAX_FILE_BYTES - JPEG.length)])
    expect((await saved('image/jpeg', bytes)).size).toBe(MAX_FILE_BYTES)
  })

  it('leaves only finished photos in the folder, no temporary files', async () => {
    const records = await Promise.all([saved('image/jpeg', JPEG), saved('image/png', PNG), saved('image/webp', WEBP)])
    expect(fs.readdirSync(photoDir()).sort()).toEqual(records.map((r) => r.id).sort())
  })

  it('removes the written photo when recording it fails', async () => {
    const failing = new DiskFiles(photoDir(), { insertFile: () => { throw new Error('disk full') }, getFiles: async () => [] })
    await expect(failing.saveFile('u_res', 'image/png', PNG)).rejects.toThrow('disk full')
    expect(fs.readdirSync(photoDir())).toEqual([])
  })

  it('answers null for unknown ids, ids shaped like paths, and records whose file is gone', async () => {
    expect(await files.readFile('f_00000000000000000000000000000000')).toBeNull()
    expect(await files.readFile('../gridlink.sqlite')).toBeNull()
    const record = await saved('image/png', PNG)
    fs.rmSync(path.join(photoDir(), record.id))
    expect(await files.readFile(record.id)).toBeNull()
  })

  it('recognises images by their first bytes only', () => {
    expect([JPEG, PNG, WEBP, GIF, Buffer.from('RIFF\0\0\0\0WAVE')].map(sniffImage)).toEqual(['image/jpeg', 'image/png', 'image/webp', null, null])
  })
})
