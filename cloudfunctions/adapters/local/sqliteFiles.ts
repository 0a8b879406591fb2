import type Database from 'better-sqlite3'
import type { FileRecord, Files } from '../../app/ports'
import { ReadThrough } from './referenceCache'
import { fileFromRow, fileToRow, type FileRow } from './rows'
import type { WriteThread } from './writeThread'

// Photo records on SQLite (the bytes are disk files, diskFiles.ts). A submission cites its
// photos, so their records are read from memory once seen.
export class SqliteFiles implements Files {
  private readonly s
  private readonly cache = new ReadThrough<FileRecord>(100_000)
  private readonly load = (id: string) => {
    const row = this.s.file.get(id)
    return row ? fileFromRow(row) : null
  }

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    this.s = { file: db.prepare<unknown[], FileRow>('SELECT * FROM files WHERE id = ?') }
  }

  async getFiles(ids: string[]): Promise<FileRecord[]> {
    return [...new Set(ids)].flatMap((id) => this.cache.get(id, this.load) ?? [])
  }

  /** A photo's record, written once its bytes are on disk (diskFiles.ts). */
  async insertFile(file: FileRecord): Promise<void> {
    await this.writer.run([{ sql: 'INSERT INTO files (id, owner_id, mime, size, created_at) VALUES (@id, @owner_id, @mime, @size, @created_at)', params: fileToRow(file) }])
  }
}
