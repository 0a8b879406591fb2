import { appError, type AppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { Deps } from './ports'

// Text a person wrote is checked field by field before it is stored, so the refusal can
// name the field to change. An unavailable checker is our fault, not theirs: INTERNAL,
// safe to retry with the same requestId.
export async function checkTexts(deps: Deps, caller: User, fields: Record<string, string | undefined>): Promise<AppError | null> {
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue
    const verdict = await deps.content.checkText([text], caller.id)
    if (verdict === 'rejected') {
      const message = '内容含有不适宜的信息，请修改后再提交'
      return appError('CONTENT_REJECTED', message, { [field]: message })
    }
    if (verdict === 'unavailable') return appError('INTERNAL', '内容安全检查暂时不可用，请稍后重试')
  }
  return null
}

/** Photos go to review once the record holding them is stored; a failure only delays their showing. */
export async function submitPhotosQuietly(deps: Deps, caller: User, photos: string[]) {
  try {
    await deps.content.submitPhotos(photos, caller.id)
  } catch (err) {
    console.warn('photo review submission failed; photos stay hidden from others', (err as Error).message)
  }
}
