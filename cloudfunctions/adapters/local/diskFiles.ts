import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { FileRecord } from '../../app/ports'

// Photos of the local stack, one file per photo under a folder, recorded in the store
// (the local stand-in for CloudBase storage).

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const FILE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type FileMime = (typeof FILE_MIMES)[number]

/** Where file records live; SqliteStore fits. */
export interface FileIndex {
  insertFile(file: FileRecord): void | Promise<void>
  getFiles(ids: string[]): Promise<FileRecord[]>
}

// 128 random bits: a photo is fetched by id alone (an <img> sends no token), so ids must not be guessable.
const ID = /^f_[0-9a-f]{32}$/
// Clients that cannot name the type send one of these; the bytes decide then.
const UNNAMED = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

/** The image type the bytes themselves announce, whatever the upload claimed. */
export function sniffImage(bytes: Uint8Array): FileMime | null {
  const at = (offset: number, sig: number[]) => sig.every((b, i) => bytes[offset + i] === b)
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (at(0, ascii('RIFF')) && at(8, ascii('WEBP'))) return 'image/webp'
  return null
}

/** The stored type, or the reason (for the person) why the upload is refused. */
export function checkUpload(declared: string, bytes: Uint8Array): FileMime | { error: string } {
  if (bytes.length === 0) return { error: '照片是空文件，请重新选择' }
  if (bytes.length > MAX_FILE_BYTES) return { error: `照片不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB` }
  const claimed = declared.split(';')[0].trim().toLowerCase().replace(/^image\/jpg$/, 'image/jpeg')
  if (!UNNAMED.has(claimed) && !(FILE_MIMES as readonly string[]).includes(claimed)) return { error: '只能上传 JPEG、PNG 或 WebP 格式的照片' }
  const actual = sniffImage(bytes)
  if (!actual) return { error: '文件内容不是 JPEG、PNG 或 WebP 照片' }
  if (!UNNAMED.has(claimed) && claimed !== actual) return { error: '照片格式与文件内容不符，请重新选择' }
  return actual
}

export class DiskFiles {
  constructor(
    private readonly dir: string,
    private readonly index: FileIndex,
    private readonly clock: { now(): number } = { now: () => Date.now() },
  ) {}

  async saveFile(ownerId: string, mime: string, bytes: Uint8Array): Promise<FileRecord | { error: string }> {
    const checked = checkUpload(mime, bytes)
    if (typeof checked !== 'string') return checked
    const record: FileRecord = { id: `f_${randomBytes(16).toString('hex')}`, ownerId, mime: checked, size: bytes.length, createdAt: this.clock.now() }
    await fs.mkdir(this.dir, { recursive: true })
    const final = this.pathOf(record.id)
    // Temp file + fsync + rename: a crash leaves either the whole photo or none, never half.
    const temp = `${final}.${randomBytes(4).toString('hex')}.tmp`
    try {
      const handle = await fs.open(temp, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(temp, final)
      // Recorded only once the bytes are in place, so a record never points at nothing.
      await this.index.insertFile(record)
    } catch (error) {
      await Promise.all([fs.rm(temp, { force: true }), fs.rm(final, { force: true })])
      throw error
    }
    return record
  }

  async readFile(id: string): Promise<{ record: FileRecord; bytes: Buffer } | null> {
    // The id becomes a path: anything but our own id shape could walk out of the folder.
    if (!ID.test(id)) return null
    const [record] = await this.index.getFiles([id])
    if (!record) return null
    try {
      return { record, bytes: await fs.readFile(this.pathOf(id)) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  private pathOf(id: string): string {
    return path.join(this.dir, id)
  }
}
