import { appError, type AppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { Needs } from './ports'

// Text a person wrote is checked before it is stored: all its fields in one call (each call
// is an open-API request against the quota), and only after a refusal field by field, so
// the refusal can name the field to change. An unavailable checker is our fault, not
// theirs: INTERNAL, safe to retry with the same requestId.
export async function checkTexts(deps: Needs<'content'>, caller: User, fields: Record<string, string | undefined>): Promise<AppError | null> {
  const written = Object.entries(fields).filter((e): e is [string, string] => !!e[1])
  if (written.length === 0) return null
  const together = await deps.content.checkText(written.map(([, text]) => text), caller.id)
  if (together === 'unavailable') return appError('INTERNAL', '内容安全检查暂时不可用，请稍后重试')
  if (together === 'pass') return null
  for (const [field, text] of written) {
    const verdict = written.length === 1 ? together : await deps.content.checkText([text], caller.id)
    if (verdict === 'rejected') {
      const message = '内容含有不适宜的信息，请修改后再提交'
      return appError('CONTENT_REJECTED', message, { [field]: message })
    }
    if (verdict === 'unavailable') return appError('INTERNAL', '内容安全检查暂时不可用，请稍后重试')
  }
  // refused together but no field alone: the combination is what the checker objects to
  const message = '内容含有不适宜的信息，请修改后再提交'
  return appError('CONTENT_REJECTED', message, Object.fromEntries(written.map(([field]) => [field, message])))
}

/** Photos go to review once the record holding them is stored; a failure only delays their showing. */
export async function submitPhotosQuietly(deps: Needs<'content'>, caller: User, photos: string[]) {
  try {
    await deps.content.submitPhotos(photos, caller.id)
  } catch (err) {
    console.warn('photo review submission failed; photos stay hidden from others', (err as Error).message)
  }
}
