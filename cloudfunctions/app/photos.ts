import { appError, type AppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { Needs } from './ports'

/** Photos must be files this caller uploaded: a file id is never a way into someone else's photo. */
export async function checkOwnPhotos(deps: Needs<'files'>, caller: User, ids: string[], field: string): Promise<AppError | null> {
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  ids.forEach((id, i) => {
    if (seen.has(id)) fields[`${field}.${i}`] = '同一张照片重复上传了'
    seen.add(id)
  })
  const files = new Map((await deps.files.getFiles([...seen])).map((f) => [f.id, f]))
  ids.forEach((id, i) => {
    const file = files.get(id)
    if (!file || file.ownerId !== caller.id) fields[`${field}.${i}`] ??= `第${i + 1}张照片不存在或已失效，请重新上传`
  })
  const first = Object.values(fields)[0]
  return first ? appError('VALIDATION', first, fields) : null
}

/**
 * A staff photo is a file of our own storage (a file id). A web address, as rosters once
 * carried in their 照片 column, is never loaded: the mini-program loads nothing from servers
 * other than its own.
 */
export const isStoredPhoto = (photo: string) => !/^(https?:|\/\/)/i.test(photo)
