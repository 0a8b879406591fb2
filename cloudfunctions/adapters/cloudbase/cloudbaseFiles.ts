import type { Db } from '@cloudbase/database'
import type { Clock, FileRecord, Files } from '../../app/ports'
import { inOrder } from '../paging'
import { COLLECTIONS, fileDocId, isDuplicate, type Doc } from './docs'
import { docsByIds } from './reads'
import { verifyUploads, type Storage } from './uploads'

// Photo records on CloudBase. The mini-program uploads straight to cloud storage and sends
// only the file id; an id the files collection does not know yet is checked with storage
// (it exists, in this env, in the caller's folder) and recorded on first use.

const FILE_FIELDS = ['id', 'ownerId', 'mime', 'size', 'createdAt'] as const

export interface CloudbaseFilesOptions {
  /** checks `cloud://` photo ids the files collection does not know yet */
  storage?: Storage
  /** the env id; upload ids of other envs are refused */
  env?: string
  clock?: Clock
}

export class CloudbaseFiles implements Files {
  constructor(private readonly db: Db, private readonly opts: CloudbaseFilesOptions = {}) {}

  async getFiles(ids: string[]): Promise<FileRecord[]> {
    if (ids.length === 0) return []
    const known = (await docsByIds(this.db, COLLECTIONS.files, ids.map(fileDocId))).map(fileFromDoc)
    const missing = [...new Set(ids)].filter((id) => !known.some((f) => f.id === id))
    const fresh = this.opts.storage && missing.length > 0
      ? await verifyUploads(this.opts.storage, missing, this.opts.clock?.now() ?? Date.now(), this.opts.env)
      : []
    for (const file of fresh) await this.insertFile(file)
    return inOrder(ids, [...known, ...fresh])
  }

  /** Records a checked upload; recording the same file twice keeps the first record. */
  async insertFile(file: FileRecord): Promise<void> {
    try {
      await this.db.collection(COLLECTIONS.files).add({ _id: fileDocId(file.id), ...file })
    } catch (err) {
      if (!isDuplicate(err)) throw err
    }
  }
}

/** Only the record's fields: content-check state lives on the same document. */
function fileFromDoc(doc: Doc): FileRecord {
  return Object.fromEntries(FILE_FIELDS.map((k) => [k, doc[k]])) as unknown as FileRecord
}
