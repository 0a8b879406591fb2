// A text file an admin picked for an import, as both platforms hand it over.

export interface PickedFile { name: string; size: number; text: string }

/**
 * Past this a file is not read at all: the import takes 900 KB of text per request
 * (shared/schemas/admin.ts), and reading tens of MB into a phone's memory to say so is slow.
 */
export const MAX_PICK_BYTES = 5_000_000

export const sizeWords = (bytes: number) => (bytes < 1024 ? `${bytes} 字节` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

export const TOO_BIG = `文件超过 ${sizeWords(MAX_PICK_BYTES)}，请按街道拆分后分批导入`
export const NOT_UTF8 = '文件不是 UTF-8 编码，其中的中文无法读取：CSV 请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后重新选择'

/** Excel's "CSV UTF-8" starts with a byte order mark that would stick to the first column's name. */
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/**
 * The file's text: UTF-8 when it is valid UTF-8, else GBK, which is what Excel on a Chinese
 * Windows writes for "CSV（逗号分隔）" (where the platform has no GBK decoder: UTF-8 with
 * replacement characters, which the caller refuses with NOT_UTF8).
 */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    try {
      return stripBom(new TextDecoder('gbk').decode(bytes))
    } catch {
      return stripBom(new TextDecoder('utf-8').decode(bytes))
    }
  }
}
