// Subscription-message values cut to WeChat's limits per keyword type. A value over its
// limit or of the wrong characters makes WeChat refuse the whole message (errcode 47003),
// so every value passes through here. Limits from the subscribeMessage.send reference:
// thing ≤ 20 characters; phrase ≤ 5 Chinese characters; name ≤ 10 Chinese characters or
// ≤ 20 letters; character_string, number, letter ≤ 32; symbol ≤ 5; phone_number ≤ 17;
// car_number ≤ 8; no value may hold a line break.

export const KEYWORD_TYPES = ['thing', 'phrase', 'name', 'character_string', 'number', 'letter', 'symbol', 'time', 'date', 'amount', 'phone_number', 'car_number'] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/** A template keyword is its type plus a number: `thing1`, `character_string12`. */
export const KEYWORD = new RegExp(`^(${KEYWORD_TYPES.join('|')})(\\d+)$`)

export function keywordType(key: string): KeywordType | null {
  const m = KEYWORD.exec(key)
  return m ? (m[1] as KeywordType) : null
}

const HAN = /\p{Script=Han}/u
const chars = (s: string) => [...s]
/** Line breaks and runs of spaces become one space: WeChat shows values on one line. */
const oneLine = (s: string) => s.replace(/\s+/gu, ' ').trim()
const keep = (s: string, allowed: RegExp) => chars(s).filter((c) => allowed.test(c)).join('')
const upTo = (s: string, n: number) => chars(s).slice(0, n).join('')

/** Cut with an ellipsis, so a reader can tell the text goes on. */
function ellipsis(s: string, n: number): string {
  const cs = chars(s)
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join('')}…`
}

/** The value as WeChat accepts it for a keyword of this type. */
export function cutValue(type: KeywordType, raw: string): string {
  const s = oneLine(raw)
  switch (type) {
    case 'thing':
      return ellipsis(s, 20)
    case 'phrase':
      return upTo(keep(s, HAN), 5)
    case 'name':
      return HAN.test(s) ? upTo(keep(s, HAN), 10) : upTo(s, 20)
    case 'character_string':
      return upTo(keep(s, /[\x21-\x7e]/), 32)
    case 'number':
      return upTo(keep(s, /[0-9.]/), 32)
    case 'letter':
      return upTo(keep(s, /[A-Za-z]/), 32)
    case 'symbol':
      return upTo(s, 5)
    case 'phone_number':
      return upTo(keep(s, /[0-9+\-]/), 17)
    case 'car_number':
      return upTo(keep(s, /[\p{Script=Han}A-Za-z0-9]/u), 8)
    default:
      return s
  }
}

/** `{ thing1: { value } }` for the keywords given, each value cut to its type's limit. */
export function templateData(values: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [key, raw] of Object.entries(values)) {
    const type = keywordType(key)
    if (!type) throw new Error(`not a subscription-message keyword: ${key}`)
    out[key] = { value: cutValue(type, raw) }
  }
  return out
}
