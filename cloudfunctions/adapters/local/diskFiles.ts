import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { FileRecord } from '../../app/ports'
import { reencodeUpload } from './images'

// Photos of the local stack, one file per photo under a folder, recorded in the store
// (the local stand-in for CloudBase storage). What an upload may be, and the form it is
// stored in, is images.ts's.

export { MAX_FILE_BYTES } from './images'

/** Where file records live; SqliteStore fits. */
export interface FileIndex {
  insertFile(file: FileRecord): void | Promise<void>
  getFiles(ids: string[]): Promise<FileRecord[]>
}

// 128 random bits: a photo is fetched by id alone (an <img> sends no token), so ids must not be guessable.
const ID = /^f_[0-9a-f]{32}$/
const TEMP = /^f_[0-9a-f]{32}\.[0-9a-f]{8}\.tmp$/
// A save takes from its temp file to its record's COMMIT well under this (the write lock
// waits 5 s at most); leftovers younger than this may be another process's save in progress.
const LEFTOVER_AGE_MS = 60_000

export class DiskFiles {
  constructor(
    private readonly dir: string,
    private readonly index: FileIndex,
    private readonly clock: { now(): number } = { now: () => Date.now() },
  ) {}

  async saveFile(ownerId: string, mime: string, upload: Uint8Array): Promise<FileRecord | { error: string }> {
    const image = await reencodeUpload(mime, upload)
    if ('error' in image) return image
    const record: FileRecord = { id: `f_${randomBytes(16).toString('hex')}`, ownerId, mime: image.mime, size: image.bytes.length, createdAt: this.clock.now() }
    await fs.mkdir(this.dir, { recursive: true })
    const final = this.pathOf(record.id)
    // Temp file + fsync + rename: a crash leaves either the whole photo or none, never half.
    const temp = `${final}.${randomBytes(4).toString('hex')}.tmp`
    try {
      const handle = await fs.open(temp, 'wx')
      try {
        await handle.writeFile(image.bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(temp, final)
      // the rename itself survives a power cut only once the folder is synced
      await syncFolder(this.dir)
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

  /**
   * Removes what a process killed mid-save leaves: a temp file (killed before its rename) or
   * a photo without a record (killed between the rename and the record's COMMIT). Neither was
   * ever acknowledged, nor can be served. Run when the stack opens, before any save; only
   * leftovers older than a minute are taken, so a save still running elsewhere keeps its file.
   */
  async sweepLeftovers(): Promise<{ removed: string[] }> {
    const names = await fs.readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const photos = names.filter((n) => ID.test(n))
    const recorded = new Set<string>()
    for (let i = 0; i < photos.length; i += 500) {
      for (const r of await this.index.getFiles(photos.slice(i, i + 500))) recorded.add(r.id)
    }
    const candidates = names.filter((n) => TEMP.test(n) || (ID.test(n) && !recorded.has(n)))
    const removed: string[] = []
    for (const name of candidates) {
      const stat = await fs.stat(this.pathOf(name)).catch(() => null)
      // against the wall clock, as mtimes are, not the (movable) clock records are dated by
      if (!stat || Date.now() - stat.mtimeMs < LEFTOVER_AGE_MS) continue
      await fs.rm(this.pathOf(name), { force: true })
      removed.push(name)
    }
    return { removed }
  }

  private pathOf(id: string): string {
    return path.join(this.dir, id)
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
