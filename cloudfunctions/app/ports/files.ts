// Files uploaded by a person (photos). The bytes live in disk files or cloud storage; this
// port knows their records: whose they are and what they hold.
export interface FileRecord { id: string; ownerId: string; mime: string; size: number; createdAt: number }

export interface Files {
  /** Records by id in the order asked, unknown ids skipped. */
  getFiles(ids: string[]): Promise<FileRecord[]>
}
