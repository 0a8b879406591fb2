import type { FileRecord } from '../../app/ports'

// Photos on cloud storage. The mini-program uploads with wx.cloud.uploadFile to
// `photos/<userId>/<32 hex>.<ext>` (unique per person, random per photo) and sends back
// only the file id, `cloud://<env>.<bucket>/photos/...`. A function checks such an id by
// its shape (the owner is the folder it was written to) and by asking storage whether the
// file exists; storage rules keep anyone but its writer from replacing a file.

const UPLOAD_ID = /^cloud:\/\/([a-z0-9-]+)\.([A-Za-z0-9-]+)\/photos\/([A-Za-z0-9_-]{1,64})\/([0-9a-f]{32})\.(jpg|png|webp)$/
const MIME = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const

export interface ParsedUpload { env: string; ownerId: string; mime: FileRecord['mime'] }

/** The upload an id names, or null for anything else (ids of other folders or envs included). */
export function parseUploadId(id: string, env?: string): ParsedUpload | null {
  const m = UPLOAD_ID.exec(id)
  if (!m || (env && m[1] !== env)) return null
  return { env: m[1], ownerId: m[3], mime: MIME[m[5] as keyof typeof MIME] }
}

/** The cloud path a client uploads a photo to (what the mini-program's upload helper builds). */
export const uploadPath = (userId: string, hex32: string, ext: keyof typeof MIME) => `photos/${userId}/${hex32}.${ext}`

/** Storage's answer for each id: a temporary https URL, or why there is none. */
export interface TempUrl { fileID: string; tempFileURL: string; code: string }

/** What the adapters need of cloud storage; the node-sdk app fits. */
export interface Storage {
  getTempFileURL(opts: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: TempUrl[] }>
}

/** Temporary URLs for existing files (content-security checks need a public https URL). */
export async function tempUrls(storage: Storage, ids: string[], maxAgeS = 3600): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const res = await storage.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: maxAgeS })) })
  return new Map(res.fileList.filter((f) => f.code === 'SUCCESS').map((f) => [f.fileID, f.tempFileURL]))
}

/** Records for the upload ids that exist in storage; size is unknown here and left 0. */
export async function verifyUploads(storage: Storage, ids: string[], now: number, env?: string): Promise<FileRecord[]> {
  const parsed = ids.flatMap((id) => {
    const upload = parseUploadId(id, env)
    return upload ? [{ id, upload }] : []
  })
  const existing = await tempUrls(storage, parsed.map((p) => p.id))
  return parsed.filter((p) => existing.has(p.id)).map((p) => ({ id: p.id, ownerId: p.upload.ownerId, mime: p.upload.mime, size: 0, createdAt: now }))
}
