import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import Database from 'better-sqlite3'
import sharp, { type Sharp } from 'sharp'
import { DiskFiles, MAX_FILE_BYTES } from '../../../cloudfunctions/adapters/local/diskFiles'
import { MAX_PIXELS, sniffImage, UPLOAD_REFUSALS } from '../../../cloudfunctions/adapters/local/images'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import type { FileRecord } from '../../../cloudfunctions/app/ports'

type Format = 'jpeg' | 'png' | 'webp'
const RED = [220, 30, 30]
const BLUE = [30, 30, 220]

/** A 64 × 48 photo, left half red and right half blue, so a turn can be seen in its pixels. */
function halves(): Sharp {
  const [width, height] = [64, 48]
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < width * height; i++) raw.set(i % width < width / 2 ? RED : BLUE, i * 3)
  return sharp(raw, { raw: { width, height, channels: 3 } })
}
const near = (pixel: number[], colour: number[]) => pixel.every((v, i) => Math.abs(v - colour[i]) < 16)
const photo = (format: Format, edit: (s: Sharp) => Sharp = (s) => s) => edit(halves()).toFormat(format).toBuffer()

/** A valid PNG of one colour, `side` × `side` pixels at one bit each: a few kB that decode to side² pixels. */
function flatPng(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([head, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  const rows = deflateSync(Buffer.alloc((1 + Math.ceil(side / 8)) * side), { level: 9 })
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))])
}

// 39°54'27"N 116°23'30"E as the EXIF GPS IFD stores it: rationals, little-endian as libvips writes
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 3000/100' }
const LATITUDE_BYTES = Buffer.from(new Uint32Array([39, 1, 54, 1, 2700, 100]).buffer)
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="39,54.45N"/></rdf:RDF></x:xmpmeta>'
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')

let dir: string
let store: SqliteStore
let files: DiskFiles
let JPEG: Buffer, PNG: Buffer, WEBP: Buffer
const photoDir = () => path.join(dir, 'files')
const folder = () => (fs.existsSync(photoDir()) ? fs.readdirSync(photoDir()) : [])
const recordCount = () => {
  const db = new Database(path.join(dir, 'gridlink.sqlite'), { readonly: true })
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM files').get()!.n
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  ;[JPEG, PNG, WEBP] = await Promise.all([photo('jpeg'), photo('png'), photo('webp')])
})
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-files-'))
  store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  files = new DiskFiles(photoDir(), store.files, { now: () => 1_700_000_000_000 })
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
const stored = async (mime: string, bytes: Buffer) => (await files.readFile((await saved(mime, bytes)).id))!.bytes

describe('photos on disk', () => {
  it.each([
    ['image/jpeg', 'jpeg', () => JPEG],
    ['image/png', 'png', () => PNG],
    ['image/webp', 'webp', () => WEBP],
  ])('stores a %s photo in its own type, recorded with the size of what is stored, and reads it back', async (mime, format, bytes) => {
    const record = await saved(mime, bytes())
    const back = await files.readFile(record.id)
    expect(record).toEqual({ id: expect.stringMatching(/^f_[0-9a-f]{32}$/), ownerId: 'u_res', mime, size: back!.bytes.length, createdAt: 1_700_000_000_000 })
    expect(await store.files.getFiles([record.id])).toEqual([record])
    expect(back!.record).toEqual(record)
    expect(await sharp(back!.bytes).metadata()).toMatchObject({ format, width: 64, height: 48 })
  })

  it('takes the type from the bytes when the upload names none', async () => {
    expect((await saved('application/octet-stream', PNG)).mime).toBe('image/png')
    expect((await saved('IMAGE/JPG', JPEG)).mime).toBe('image/jpeg')
  })

  it.each([
    ['a type other than JPEG, PNG or WebP', 'image/gif', () => GIF, UPLOAD_REFUSALS.typeNotAllowed],
    ['bytes that are no image under an image type', 'image/jpeg', () => Buffer.from('<?php echo 1; ?>'), UPLOAD_REFUSALS.notAnImage],
    ['a GIF sent as octet-stream', 'application/octet-stream', () => GIF, UPLOAD_REFUSALS.notAnImage],
    ['PNG bytes declared as JPEG', 'image/jpeg', () => PNG, UPLOAD_REFUSALS.typeMismatch],
    ['an empty file', 'image/png', () => Buffer.alloc(0), UPLOAD_REFUSALS.empty],
    ['a file over 10 MB', 'image/jpeg', () => Buffer.concat([JPEG, Buffer.alloc(MAX_FILE_BYTES)]), UPLOAD_REFUSALS.tooLarge],
    ['a JPEG header followed by HTML', 'image/jpeg', () => Buffer.concat([JPEG.subarray(0, 20), HTML]), UPLOAD_REFUSALS.damaged],
    ['a truncated JPEG', 'image/jpeg', () => JPEG.subarray(0, Math.floor(JPEG.length * 0.7)), UPLOAD_REFUSALS.damaged],
    ['a truncated PNG', 'image/png', () => PNG.subarray(0, Math.floor(PNG.length * 0.7)), UPLOAD_REFUSALS.damaged],
    ['a WebP header followed by HTML', 'image/webp', () => Buffer.concat([WEBP.subarray(0, 16), HTML]), UPLOAD_REFUSALS.damaged],
    ['a small PNG that decodes to 10000 × 10000 pixels', 'image/png', () => flatPng(10_000), UPLOAD_REFUSALS.tooManyPixels],
  ])('refuses %s and writes nothing: no photo, no temp file, no record', async (_, mime, bytes, error) => {
    expect(await files.saveFile('u_res', mime, bytes())).toEqual({ error })
    expect(folder()).toEqual([])
    expect(recordCount()).toBe(0)
  })

  it('says every refusal in Chinese, with what the person can do', () => {
    expect(UPLOAD_REFUSALS).toEqual({
      empty: '照片是空文件，请重新选择',
      tooLarge: '照片不能超过 10 MB，请压缩后重新上传',
      typeNotAllowed: '只能上传 JPEG、PNG 或 WebP 格式的照片，请换一张重新选择',
      notAnImage: '文件内容不是 JPEG、PNG 或 WebP 照片，请重新选择',
      typeMismatch: '照片格式与文件内容不符，请重新选择',
      damaged: '照片文件不完整或已损坏，请重新拍摄或选择',
      tooManyPixels: '照片像素过高（超过 5000 万像素），请压缩或用普通模式拍摄后重新上传',
    })
    for (const message of Object.values(UPLOAD_REFUSALS)) expect(message).toMatch(/^[^a-z]*[\u4e00-\u9fff].*，请.+$/)
  })

  it('refuses a pixel bomb by what its header claims, the limit being 50 megapixels', async () => {
    expect(MAX_PIXELS).toBe(50_000_000)
    const bomb = flatPng(7072) // 7072² = 50,013,184 pixels, 8 kB
    expect(bomb.length).toBeLessThan(10_000)
    expect(await files.saveFile('u_res', 'image/png', bomb)).toEqual({ error: UPLOAD_REFUSALS.tooManyPixels })
  })

  it('accepts an upload of exactly 10 MB and records the size it is stored at', async () => {
    const bytes = Buffer.concat([JPEG, Buffer.alloc(MAX_FILE_BYTES - JPEG.length)])
    const record = await saved('image/jpeg', bytes)
    expect(record.size).toBeLessThan(10_000)
    expect(fs.statSync(path.join(photoDir(), record.id)).size).toBe(record.size)
  })

  it('stores a real JPEG with a web page appended as the image alone', async () => {
    const bytes = await stored('image/jpeg', Buffer.concat([JPEG, HTML]))
    expect(bytes.includes(Buffer.from('<script>'))).toBe(false)
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]))
  })

  it.each(['jpeg', 'png', 'webp'] as const)('keeps no EXIF or XMP of a %s photo, so not the GPS position where it was taken', async (format) => {
    const upload = await photo(format, (s) => s.withExif({ IFD0: { Make: 'GridPhone', Model: 'X1' }, IFD3: GPS }).withXmp(XMP))
    const before = await sharp(upload).metadata()
    expect(before.exif?.includes(LATITUDE_BYTES)).toBe(true)
    expect(before.xmp).toBeDefined()

    const bytes = await stored(`image/${format}`, upload)
    const after = await sharp(bytes).metadata()
    expect([after.exif, after.xmp, after.iptc, after.icc]).toEqual([undefined, undefined, undefined, undefined])
    for (const trace of [LATITUDE_BYTES, Buffer.from('GridPhone'), Buffer.from('GPSLatitude'), Buffer.from('Exif\0\0')]) expect(bytes.includes(trace)).toBe(false)
  })

  it('turns a photo by its EXIF orientation and drops the tag', async () => {
    // orientation 6: the camera was held upright, the sensor's rows run top to bottom on screen
    const upload = await photo('jpeg', (s) => s.withMetadata({ orientation: 6 }))
    expect(await sharp(upload).metadata()).toMatchObject({ width: 64, height: 48, orientation: 6 })

    const bytes = await stored('image/jpeg', upload)
    const after = await sharp(bytes).metadata()
    expect([after.width, after.height, after.orientation, after.exif]).toEqual([48, 64, undefined, undefined])
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => [...data.subarray((y * 48 + x) * 3, (y * 48 + x) * 3 + 3)]
    // turned a quarter clockwise: the red left half is now on top
    expect(near(at(24, 8), RED)).toBe(true)
    expect(near(at(24, 56), BLUE)).toBe(true)
  })

  it('converts a Display P3 photo to sRGB and keeps no colour profile', async () => {
    const upload = await photo('jpeg', (s) => s.withIccProfile('p3'))
    const p3Numbers = (await sharp(upload, { ignoreIcc: true }).raw().toBuffer()).subarray(0, 3)
    expect((await sharp(upload).metadata()).icc).toBeDefined()
    expect(Math.abs(p3Numbers[0] - RED[0])).toBeGreaterThan(10) // the same red is other numbers in P3

    const bytes = await stored('image/jpeg', upload)
    expect((await sharp(bytes).metadata()).icc).toBeUndefined()
    const srgb = (await sharp(bytes).raw().toBuffer()).subarray(0, 3)
    expect(near([...srgb], RED)).toBe(true)
  })

  it('leaves only finished photos in the folder, no temporary files', async () => {
    const records = await Promise.all([saved('image/jpeg', JPEG), saved('image/png', PNG), saved('image/webp', WEBP)])
    expect(folder().sort()).toEqual(records.map((r) => r.id).sort())
  })

  it('removes the written photo when recording it fails', async () => {
    const failing = new DiskFiles(photoDir(), { insertFile: () => { throw new Error('disk full') }, getFiles: async () => [] })
    await expect(failing.saveFile('u_res', 'image/png', PNG)).rejects.toThrow('disk full')
    expect(folder()).toEqual([])
  })

  it('answers null for unknown ids, ids shaped like paths, and records whose file is gone', async () => {
    expect(await files.readFile('f_00000000000000000000000000000000')).toBeNull()
    expect(await files.readFile('../gridlink.sqlite')).toBeNull()
    const record = await saved('image/png', PNG)
    fs.rmSync(path.join(photoDir(), record.id))
    expect(await files.readFile(record.id)).toBeNull()
  })

  it('recognises the type announced by the first bytes', () => {
    expect([JPEG, PNG, WEBP, GIF, Buffer.from('RIFF\0\0\0\0WAVE')].map(sniffImage)).toEqual(['image/jpeg', 'image/png', 'image/webp', null, null])
  })
})

describe('leftovers of a killed save', () => {
  const plant = (name: string, ageMs: number) => {
    const file = path.join(photoDir(), name)
    fs.mkdirSync(photoDir(), { recursive: true })
    fs.writeFileSync(file, 'half a photo')
    const at = new Date(Date.now() - ageMs)
    fs.utimesSync(file, at, at)
  }
  const hour = 3_600_000

  it('removes temp files and photos without a record once a minute old, and keeps recorded photos', async () => {
    const kept = await saved('image/png', PNG)
    fs.utimesSync(path.join(photoDir(), kept.id), new Date(Date.now() - hour), new Date(Date.now() - hour))
    const temp = `f_${'a'.repeat(32)}.0123abcd.tmp`
    const orphan = `f_${'b'.repeat(32)}`
    plant(temp, hour)
    plant(orphan, hour)
    plant('notes.txt', hour)

    expect((await files.sweepLeftovers()).removed.sort()).toEqual([temp, orphan].sort())
    expect(folder().sort()).toEqual([kept.id, 'notes.txt'].sort())
    expect(await files.readFile(kept.id)).not.toBeNull()
  })

  it('leaves a save that may still be running in another process alone', async () => {
    plant(`f_${'c'.repeat(32)}.0123abcd.tmp`, 5_000)
    plant(`f_${'d'.repeat(32)}`, 5_000)
    expect(await files.sweepLeftovers()).toEqual({ removed: [] })
    expect(folder()).toHaveLength(2)
  })

  it('has nothing to do when no photo was ever saved', async () => {
    expect(await files.sweepLeftovers()).toEqual({ removed: [] })
  })
})
