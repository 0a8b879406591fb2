import { appError, type AppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { Needs } from './ports'

// Text a person wrote is checked before it is stored: all its fields in one call (each call
// is an open-API request against the quota), and only after a refusal field by field, so
// the refusal can name the field to change. An unavailable checker is our fault, not
// theirs: INTERNAL, safe to retry with the same requestId.

/** What the person calls each checked field; a caller whose `text` or `reason` means something narrower names it. */
const FIELD_LABELS: Record<string, string> = { description: '问题描述', address: '详细地址', comment: '评价内容', text: '填写的说明', reason: '填写的原因' }

// The checker gives no reason, so the message names the field and the kinds of wording it
// refuses, which is what a person can act on ("内容含有不适宜的信息" alone left them guessing).
const WORDING = '请删去辱骂、广告、联系方式或违法信息等内容后再提交'
const refusedIn = (labels: string[]) => `${labels.map((l) => `“${l}”`).join('和')}中有不宜发布的内容，${WORDING}`

export async function checkTexts(
  deps: Needs<'content'>,
  caller: User,
  fields: Record<string, string | undefined>,
  labels: Record<string, string> = {},
): Promise<AppError | null> {
  const labelOf = (field: string) => labels[field] ?? FIELD_LABELS[field] ?? '填写的内容'
  const written = Object.entries(fields).filter((e): e is [string, string] => !!e[1])
  if (written.length === 0) return null
  const together = await deps.content.checkText(written.map(([, text]) => text), caller.id)
  if (together === 'unavailable') return appError('INTERNAL', '内容安全检查暂时不可用，请稍后重试')
  if (together === 'pass') return null
  for (const [field, text] of written) {
    const verdict = written.length === 1 ? together : await deps.content.checkText([text], caller.id)
    if (verdict === 'rejected') {
      const message = refusedIn([labelOf(field)])
      return appError('CONTENT_REJECTED', message, { [field]: message })
    }
    if (verdict === 'unavailable') return appError('INTERNAL', '内容安全检查暂时不可用，请稍后重试')
  }
  // refused together but no field alone: the combination is what the checker objects to
  const message = refusedIn(written.map(([field]) => labelOf(field)))
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
