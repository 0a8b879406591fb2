import { fail, ok, type Result } from '../result'
import { calendarDay, type CalendarDay } from './calendarDate'
import { isMainlandProvince, isPermitRegion } from './provinces'

// The identity documents a residence declaration carries (issue 11), checked as far as the
// number itself allows. What each layout is, and where it was confirmed:
//
// - 居民身份证, GB 11643-1999 (公民身份号码): 6-digit address code (GB/T 2260), 8-digit birth
//   date, 3-digit sequence (odd = male, even = female), check character by ISO 7064:1983
//   MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; sum mod 11 → '10X98765432').
// - 港澳台居民居住证 (港澳台居民居住证申领发放办法, 2018): the same 18-character layout and check,
//   with the address code fixed to 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
// - 外国人永久居留身份证, the card issued from 1 December 2023 (GA 2102-2023, 外国人永久居留身份证
//   技术规范; National Immigration Administration notice 新版外国人永久居留身份证机读信息规则):
//   18 characters, '9' first (a citizen's number starts 1–8), the issuing place's
//   province code, the 3-digit ISO 3166-1 numeric nationality (the old card's letters turned
//   into digits), an 8-digit birth date, a 3-digit sequence and the same MOD 11-2 check.
//   The notice confirms the '9', the numeric nationality and the MOD 11-2 check; the exact
//   positions (2–3 province, 4–6 nationality, 7–14 birth date, 17 sex) are those of the
//   public libraries that implement it (hutool's IdcardUtil, CredentialKit).
// - 外国人永久居留身份证 before 2023 (2004 and 2017 cards, still valid until they expire):
//   15 characters, 3 Latin letters (ISO 3166-1 alpha-3 nationality) then 12 digits: a
//   4-digit issuing place (province + city), birth date YYMMDD, a sequence digit and a
//   check digit. The notice confirms "3 letters + 12 digits"; the positions come from the
//   same libraries. Its check digit is NOT verified: no public standard we could read
//   states its algorithm (one library applies ICAO 9303's 7-3-1 weights), and refusing a
//   genuine card would leave its holder no way to declare; the verifying worker sees the card.
//
// Nationality codes are checked for shape only (not against the ISO list): the 2023 card's
// check digit catches a mistyped digit, and China (156 / CHN) is refused since a citizen
// holds no foreigner's card.
//
// Problems are phrases written to follow the field's name ("证件号码" + "校验位…不符"), and
// never repeat the number: messages travel to logs and screens the number must not reach.

export const ID_KINDS = ['resident', 'hkMacaoTaiwanPermit', 'foreignPermanent'] as const
export type IdKind = (typeof ID_KINDS)[number]

export const ID_KIND_NAMES: Readonly<Record<IdKind, string>> = {
  resident: '居民身份证',
  hkMacaoTaiwanPermit: '港澳台居民居住证',
  foreignPermanent: '外国人永久居留身份证',
}

export interface IdFacts {
  kind: IdKind
  /** The stored form: half-width, upper-case X, no spaces. */
  number: string
  /** 'YYYY-MM-DD'. The 15-character foreigner's card writes two digits of the year: the most recent century that is not in the future is taken. */
  birthDate: CalendarDay
  /** From the sequence's last digit, where the layout encodes it (not on the 15-character card). */
  sex?: 'male' | 'female'
  /** Six digits: the resident's address code, 810000/820000/830000, or the foreigner's issuing place padded with zeros. */
  regionCode: string
  /** Foreigners: ISO 3166-1 numeric (2023 card) or alpha-3 (earlier card). */
  nationality?: string
}

export type IdCheck = Result<IdFacts, string>

export interface IdCheckOptions {
  /** 'YYYY-MM-DD' in Asia/Shanghai: a birth date after it is refused. */
  today: CalendarDay
  /** The document type the person chose; when absent it is read from the number. */
  kind?: IdKind
}

/** Full-width digits and letters made half-width, spaces, dashes and the zero-width characters pasting brings dropped, x made X. */
export const normaliseIdNumber = (text: string) => text.normalize('NFKC').replace(/[\s\u200B-\u200D\u2060\uFEFF-]+/g, '').toUpperCase()

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The MOD 11-2 check character of a 17-digit body. */
export function checkCharacter(body17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

const EARLIEST_BIRTH = '1900-01-01'

function birthProblem(digits: string, today: CalendarDay, where: string): Result<CalendarDay, string> {
  const day = calendarDay(digits)
  if (!day) return fail(`中的出生日期（${where}）不存在，请核对`)
  if (day > today) return fail(`中的出生日期（${where}）晚于今天，请核对`)
  if (day < EARLIEST_BIRTH) return fail(`中的出生日期（${where}）早于1900年，请核对`)
  return ok(day)
}

const sexOf = (digit: string): 'male' | 'female' => (Number(digit) % 2 === 1 ? 'male' : 'female')
const CHECK_PROBLEM = '校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对'

// The three 18-character layouts share the shape, the birth date at 7–14, the sex digit
// and the check; each has its own leading codes.
function eighteen(s: string, today: CalendarDay, kind: IdKind, lead: () => string | null): IdCheck {
  const leadProblem = lead()
  if (leadProblem) return fail(leadProblem)
  const birth = birthProblem(s.slice(6, 14), today, '第7–14位')
  if (!birth.ok) return birth
  if (checkCharacter(s.slice(0, 17)) !== s[17]) return fail(CHECK_PROBLEM)
  const facts: IdFacts = { kind, number: s, birthDate: birth.value, sex: sexOf(s[16]), regionCode: s.slice(0, 6) }
  if (kind === 'foreignPermanent') return ok({ ...facts, regionCode: `${s.slice(1, 3)}0000`, nationality: s.slice(3, 6) })
  return ok(facts)
}

const resident = (s: string, today: CalendarDay) =>
  eighteen(s, today, 'resident', () => (isMainlandProvince(s.slice(0, 2)) ? null : '前两位（省份代码）不正确，请核对'))

const permit = (s: string, today: CalendarDay) =>
  eighteen(s, today, 'hkMacaoTaiwanPermit', () =>
    isPermitRegion(s.slice(0, 6)) ? null : '前六位应为 810000（香港）、820000（澳门）或 830000（台湾）',
  )

const foreign2023 = (s: string, today: CalendarDay) =>
  eighteen(s, today, 'foreignPermanent', () => {
    if (s[0] !== '9') return '应以9开头（外国人永久居留身份证）'
    if (!isMainlandProvince(s.slice(1, 3))) return '第2–3位（受理地省份代码）不正确，请核对'
    const nationality = s.slice(3, 6)
    if (nationality === '000' || nationality === '156') return '第4–6位（国籍代码）不正确，请核对'
    return null
  })

function foreign2017(s: string, today: CalendarDay): IdCheck {
  if (!/^[A-Z]{3}\d{12}$/.test(s)) {
    return fail(s.length === 15 ? '旧版应为3个字母加12位数字，请核对' : `旧版应为3个字母加12位数字，共15位，现在是${s.length}位`)
  }
  const nationality = s.slice(0, 3)
  if (nationality === 'CHN') return fail('前三位（国籍代码）不正确，请核对')
  if (!isMainlandProvince(s.slice(3, 5))) return fail('第4–5位（受理地省份代码）不正确，请核对')
  const yymmdd = s.slice(7, 13)
  // two digits of the year: this century unless that is still to come
  const recent = birthProblem(`20${yymmdd}`, today, '第8–13位')
  const birth = recent.ok ? recent : birthProblem(`19${yymmdd}`, today, '第8–13位')
  if (!birth.ok) return birth
  return ok({ kind: 'foreignPermanent', number: s, birthDate: birth.value, regionCode: `${s.slice(3, 7)}00`, nationality })
}

/** The kind an 18-character number's leading codes say it is. */
const kindOf18 = (s: string): IdKind => (s[0] === '9' ? 'foreignPermanent' : isPermitRegion(s.slice(0, 6)) ? 'hkMacaoTaiwanPermit' : 'resident')

function checkAs(kind: IdKind, s: string, today: CalendarDay): IdCheck {
  if (kind === 'foreignPermanent' && /^[A-Z]/.test(s)) return foreign2017(s, today)
  if (!/^\d{17}[\dX]$/.test(s)) {
    if (!/^\d*X?$/.test(s)) return fail('只能由数字组成，最后一位可以是X')
    if (kind === 'resident' && s.length === 15) return fail('是旧的15位身份证号码，请填写现在使用的18位号码')
    return fail(`应为18位，现在是${s.length}位`)
  }
  return kind === 'resident' ? resident(s, today) : kind === 'hkMacaoTaiwanPermit' ? permit(s, today) : foreign2023(s, today)
}

/**
 * Checks an identity document number: its stored form and what it says, or a problem that
 * follows the field's name. With `kind`, a number that is valid as another kind is named as
 * that kind, so the person fixes the document type rather than the number.
 */
export function checkIdNumber(text: string, options: IdCheckOptions): IdCheck {
  const s = normaliseIdNumber(text)
  if (!s) return fail('不能为空')
  const detected: IdKind = /^[A-Z]/.test(s) ? 'foreignPermanent' : s.length === 18 ? kindOf18(s) : 'resident'
  const kind = options.kind ?? detected
  const result = checkAs(kind, s, options.today)
  if (result.ok || kind === detected) return result
  const asDetected = checkAs(detected, s, options.today)
  return asDetected.ok ? fail(`是${ID_KIND_NAMES[detected]}号码，与所选的证件类型“${ID_KIND_NAMES[kind]}”不符`) : result
}
