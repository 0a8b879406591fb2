import sharp, { type FormatEnum, type Metadata, type SharpOptions } from 'sharp'

// What a photo upload may be, and the only form in which it is stored: decoded whole and
// encoded again by us. What is served is then our encoder's output and nothing the sender
// wrote: no bytes after the image (a JPEG header followed by HTML, a photo with a page
// appended), no EXIF (the phone's GPS position is often the reporter's home), XMP, IPTC or
// comments. Checking the first bytes alone let all of that through.

export const MAX_FILE_BYTES = 10 * 1024 * 1024
// 50 MP: above the 48–50 MP full-resolution modes of current phones (the mini-program asks
// for compressed photos, ~12 MP), below what a small file can claim to be. Decoding holds
// up to width × height × 4 bytes (200 MB here) while a photo is rotated.
export const MAX_PIXELS = 50_000_000
export const FILE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type FileMime = (typeof FILE_MIMES)[number]

/** Every reason an upload is refused, with what the person is told: all are the sender's
 * situation (a wrong or broken file), none is an incident. */
export const UPLOAD_REFUSALS = {
  empty: '照片是空文件，请重新选择',
  tooLarge: `照片不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请压缩后重新上传`,
  typeNotAllowed: '只能上传 JPEG、PNG 或 WebP 格式的照片，请换一张重新选择',
  notAnImage: '文件内容不是 JPEG、PNG 或 WebP 照片，请重新选择',
  typeMismatch: '照片格式与文件内容不符，请重新选择',
  damaged: '照片文件不完整或已损坏，请重新拍摄或选择',
  tooManyPixels: `照片像素过高（超过 ${MAX_PIXELS / 10_000} 万像素），请压缩或用普通模式拍摄后重新上传`,
} as const
export type UploadRefusal = keyof typeof UPLOAD_REFUSALS

// Clients that cannot name the type send one of these; the bytes decide then.
const UNNAMED = new Set(['', 'application/octet-stream', 'binary/octet-stream'])
const FORMAT: Record<FileMime, keyof FormatEnum> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }

const refuse = (reason: UploadRefusal) => ({ error: UPLOAD_REFUSALS[reason] })

/** The image type the bytes themselves announce, whatever the upload claimed. */
export function sniffImage(bytes: Uint8Array): FileMime | null {
  const at = (offset: number, sig: number[]) => sig.every((b, i) => bytes[offset + i] === b)
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (at(0, ascii('RIFF')) && at(8, ascii('WEBP'))) return 'image/webp'
  return null
}

/** The checks that need no decoding: size, the declared type and the type the bytes announce. */
export function checkUpload(declared: string, bytes: Uint8Array): FileMime | { error: string } {
  if (bytes.length === 0) return refuse('empty')
  if (bytes.length > MAX_FILE_BYTES) return refuse('tooLarge')
  const claimed = declared.split(';')[0].trim().toLowerCase().replace(/^image\/jpg$/, 'image/jpeg')
  if (!UNNAMED.has(claimed) && !(FILE_MIMES as readonly string[]).includes(claimed)) return refuse('typeNotAllowed')
  const actual = sniffImage(bytes)
  if (!actual) return refuse('notAnImage')
  if (!UNNAMED.has(claimed) && claimed !== actual) return refuse('typeMismatch')
  return actual
}

// libvips keeps recent results for reuse; every upload is new, so that would only hold memory.
sharp.cache(false)

// 'error' refuses truncated data and anything the decoder cannot read; 'warning' would also
// refuse files real cameras and editors write (a stray byte before a JPEG marker, an old
// PNG's "known incorrect sRGB profile") although they display fine.
const DECODE: SharpOptions = { failOn: 'error', limitInputPixels: MAX_PIXELS, sequentialRead: true }

/**
 * The upload as it is stored: the same type, EXIF orientation applied, no metadata at all.
 * Colours are converted to sRGB from the embedded ICC profile (libvips' default) and the
 * profile is not kept: an untagged image is read as sRGB by every viewer, colour-managed or
 * not, while a Display P3 photo kept with its profile shows dull where the profile is
 * ignored; the cost is P3 colours outside sRGB, which a report photo does not need.
 * libvips decodes on its own threads, so the event loop only waits on the promise.
 */
export async function reencodeUpload(declared: string, bytes: Uint8Array): Promise<{ mime: FileMime; bytes: Buffer } | { error: string }> {
  const mime = checkUpload(declared, bytes)
  if (typeof mime !== 'string') return mime
  return decoders.run(async () => {
    let meta: Metadata
    try {
      // only the header is read here; the pixel limit is compared below, for its own message
      meta = await sharp(bytes, { ...DECODE, limitInputPixels: false }).metadata()
    } catch {
      return refuse('damaged')
    }
    if (meta.format !== FORMAT[mime]) return refuse('notAnImage')
    // a small file can declare 20000 × 20000 of one colour; refused before a pixel is decoded
    if (meta.width * meta.height > MAX_PIXELS) return refuse('tooManyPixels')
    try {
      const image = sharp(bytes, DECODE).rotate()
      const encoded = mime === 'image/jpeg' ? image.jpeg({ quality: 85 }) : mime === 'image/png' ? image.png() : image.webp({ quality: 85 })
      return { mime, bytes: await encoded.toBuffer() }
    } catch {
      // the decoder's own errors carry no stable code; everything it refuses is a broken file
      return refuse('damaged')
    }
  })
}

/** Runs at most `limit` tasks at once, the rest in arrival order. */
class Gate {
  private running = 0
  private readonly waiting: (() => void)[] = []
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go))
    else this.running++
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}

// Two photos decode at once: each may hold 200 MB of pixels and occupies one of libuv's four
// pool threads, which the file reads serving photos share.
const decoders = new Gate(2)
