import { checkIdNumber, type IdKind } from '../../shared/identity/idDocuments'
import { maskIdNumber, maskPhone } from '../../shared/identity/masking'
import { checkMoveInDate } from '../../shared/identity/moveIn'
import { checkPhone } from '../../shared/identity/phones'
import { shanghaiToday } from '../../shared/identity/calendarDate'
import { identityDocumentSchema, idNumberSchema, moveInDateSchema, phoneSchema } from '../../shared/schemas/identity'
import { parseWith } from '../../shared/schemas/messages'

// The numbers a residence declaration carries are checked as far as the number allows: the
// layout of each document, a birth date that exists and has come, the check character.
// Every valid number here is made in this file from an invented 17-digit body, with the
// MOD 11-2 rule written out again (not the code under test), so no real person's number
// is used and a wrong rule in the code cannot agree with itself.

const TODAY = '2026-03-01'
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const withCheck = (body: string) => {
  expect(body).toMatch(/^\d{17}$/)
  const sum = Array.from(body).reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0)
  return body + '10X98765432'[sum % 11]
}
const check = (text: string, kind?: IdKind) => checkIdNumber(text, { today: TODAY, kind })
const problemOf = (text: string, kind?: IdKind) => {
  const r = check(text, kind)
  return r.ok ? `accepted as ${r.value.kind}` : r.error
}

const RESIDENT_X = withCheck('44030519900307105') // check character X, sequence 105: male
const RESIDENT_LEAP = withCheck('11010520000229120') // 29 Feb of a leap year, sequence 120: female
const HONG_KONG = withCheck('81000019851122104')
const MACAO = withCheck('82000019790615102')
const TAIWAN = withCheck('83000020010102107')
const FOREIGN_2023 = withCheck('94484019880808107') // issued in 广东 (44), nationality 840
const FOREIGN_2017 = 'USA440388080812' // nationality USA, issued in 4403, born 880808

describe('identity numbers: what a valid number says', () => {
  it('made its test numbers with the check characters it meant to', () => {
    expect(RESIDENT_X.endsWith('X')).toBe(true)
    expect(MACAO.endsWith('X')).toBe(true)
  })

  it.each([
    [RESIDENT_X, { kind: 'resident', birthDate: '1990-03-07', sex: 'male', regionCode: '440305' }],
    [RESIDENT_LEAP, { kind: 'resident', birthDate: '2000-02-29', sex: 'female', regionCode: '110105' }],
    [HONG_KONG, { kind: 'hkMacaoTaiwanPermit', birthDate: '1985-11-22', sex: 'female', regionCode: '810000' }],
    [MACAO, { kind: 'hkMacaoTaiwanPermit', birthDate: '1979-06-15', sex: 'female', regionCode: '820000' }],
    [TAIWAN, { kind: 'hkMacaoTaiwanPermit', birthDate: '2001-01-02', sex: 'male', regionCode: '830000' }],
    [FOREIGN_2023, { kind: 'foreignPermanent', birthDate: '1988-08-08', sex: 'male', regionCode: '440000', nationality: '840' }],
    [FOREIGN_2017, { kind: 'foreignPermanent', birthDate: '1988-08-08', regionCode: '440300', nationality: 'USA' }],
  ])('reads %s', (number, facts) => {
    const r = check(number)
    expect(r).toEqual({ ok: true, value: { number, ...facts } })
  })

  it('takes the check character X typed small', () => {
    const r = check(RESIDENT_X.toLowerCase())
    expect(r.ok && r.value.number).toBe(RESIDENT_X)
  })

  it.each([
    ['full-width digits and x', RESIDENT_X.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace('Ｘ', 'ｘ')],
    ['spaces between the groups', `${RESIDENT_X.slice(0, 6)} ${RESIDENT_X.slice(6, 14)} ${RESIDENT_X.slice(14)}`],
    ['an ideographic space and dashes', `${RESIDENT_X.slice(0, 6)}\u3000${RESIDENT_X.slice(6, 14)}-${RESIDENT_X.slice(14)}`],
    ['surrounding spaces', `  ${RESIDENT_X} `],
    ['a zero-width space pasted from a chat', `\u200B${RESIDENT_X.slice(0, 9)}\u200B${RESIDENT_X.slice(9)}`],
  ])('forgives %s', (_what, typed) => {
    const r = check(typed)
    expect(r.ok && r.value.number).toBe(RESIDENT_X)
  })

  it('reads a child born this year on the earlier foreigner card in this century', () => {
    const r = check('GBR310123011505')
    expect(r.ok && r.value.birthDate).toBe('2023-01-15')
  })

  it('accepts a birth date of today', () => {
    expect(check(withCheck('44030520260301101')).ok).toBe(true)
  })
})

describe('identity numbers: what is refused, and the words for it', () => {
  const wrongChecks = Array.from('0123456789X').filter((c) => c !== RESIDENT_X[17])
  it.each(wrongChecks)('refuses check character %s where X belongs', (c) => {
    expect(problemOf(RESIDENT_X.slice(0, 17) + c)).toBe('校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对')
  })

  it('refuses a single mistyped digit through the check character', () => {
    const typo = RESIDENT_LEAP.slice(0, 15) + ((Number(RESIDENT_LEAP[15]) + 1) % 10) + RESIDENT_LEAP.slice(16)
    expect(problemOf(typo)).toBe('校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对')
  })

  it.each([
    ['30 February', '44030519900230101'],
    ['month 13', '44030519901301101'],
    ['month 00', '44030519900001101'],
    ['day 00', '44030519900300101'],
    ['31 April', '44030519900431101'],
    ['29 February of a common year', '44030520230229101'],
    ['29 February 1900 (a century, not a leap year)', '44030519000229101'],
  ])('refuses a birth date on %s', (_what, body) => {
    expect(problemOf(withCheck(body))).toBe('中的出生日期（第7–14位）不存在，请核对')
  })

  it('refuses a birth date after today', () => {
    expect(problemOf(withCheck('44030520260302101'))).toBe('中的出生日期（第7–14位）晚于今天，请核对')
  })

  it('refuses a birth date before 1900', () => {
    expect(problemOf(withCheck('44030518991231101'))).toBe('中的出生日期（第7–14位）早于1900年，请核对')
  })

  it.each([
    ['17 digits', RESIDENT_X.slice(0, 17), '应为18位，现在是17位'],
    ['19 digits', `${RESIDENT_LEAP}1`, '应为18位，现在是19位'],
    ['6 digits', '440305', '应为18位，现在是6位'],
    ['the 15-digit first-generation number', '440305900307101', '是旧的15位身份证号码，请填写现在使用的18位号码'],
    ['a letter inside', '4403051990O307105X', '只能由数字组成，最后一位可以是X'],
    ['an X before the end', '44030519900307X051', '只能由数字组成，最后一位可以是X'],
    ['nothing but spaces', '   ', '不能为空'],
  ])('refuses %s', (_what, typed, problem) => {
    expect(problemOf(typed)).toBe(problem)
  })

  it.each(['00', '10', '16', '20', '39', '47', '55', '60', '66', '71', '72', '80', '81', '84'])('refuses province code %s on a resident ID', (province) => {
    expect(problemOf(withCheck(`${province}030519900307101`))).toBe('前两位（省份代码）不正确，请核对')
  })

  it.each(['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65'])('accepts province code %s', (province) => {
    expect(check(withCheck(`${province}030519900307101`)).ok).toBe(true)
  })

  it('refuses a residence permit whose region is not 810000, 820000 or 830000', () => {
    expect(problemOf(withCheck('81010019851122104'), 'hkMacaoTaiwanPermit')).toBe('前六位应为 810000（香港）、820000（澳门）或 830000（台湾）')
  })

  it.each([
    ['the issuing province', withCheck('99984019880808107'), '第2–3位（受理地省份代码）不正确，请核对'],
    ['China as the nationality', withCheck('94415619880808107'), '第4–6位（国籍代码）不正确，请核对'],
    ['nationality 000', withCheck('94400019880808107'), '第4–6位（国籍代码）不正确，请核对'],
    ['the birth date', withCheck('94484019880230107'), '中的出生日期（第7–14位）不存在，请核对'],
    ['the check character', FOREIGN_2023.slice(0, 17) + (FOREIGN_2023[17] === '0' ? '1' : '0'), '校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对'],
  ])('refuses a 2023 foreigner card with a wrong %s', (_what, number, problem) => {
    expect(problemOf(number)).toBe(problem)
  })

  it.each([
    ['14 characters', 'USA44038808081', '旧版应为3个字母加12位数字，共15位，现在是14位'],
    ['a letter among the digits', 'USA4403880808A2', '旧版应为3个字母加12位数字，请核对'],
    ['China as the nationality', 'CHN440388080812', '前三位（国籍代码）不正确，请核对'],
    ['the issuing province', 'USA990388080812', '第4–5位（受理地省份代码）不正确，请核对'],
    ['a day that exists in no century', 'USA440388023012', '中的出生日期（第8–13位）不存在，请核对'],
    ['29 February of 1901 and 2001', 'USA440301022912', '中的出生日期（第8–13位）不存在，请核对'],
  ])('refuses an earlier foreigner card with %s', (_what, number, problem) => {
    expect(problemOf(number)).toBe(problem)
  })

  it('takes 29 February 2000 on an earlier foreigner card', () => {
    const r = check('usa440300022912')
    expect(r.ok && r.value).toMatchObject({ number: 'USA440300022912', birthDate: '2000-02-29' })
  })

  it.each([
    [HONG_KONG, 'resident', '是港澳台居民居住证号码，与所选的证件类型“居民身份证”不符'],
    [RESIDENT_X, 'foreignPermanent', '是居民身份证号码，与所选的证件类型“外国人永久居留身份证”不符'],
    [FOREIGN_2017, 'resident', '是外国人永久居留身份证号码，与所选的证件类型“居民身份证”不符'],
    [FOREIGN_2023, 'hkMacaoTaiwanPermit', '是外国人永久居留身份证号码，与所选的证件类型“港澳台居民居住证”不符'],
  ] as const)('names the document type that %s belongs to when another was chosen', (number, kind, problem) => {
    expect(problemOf(number, kind)).toBe(problem)
  })

  it('keeps the number problem when the number is valid as no type', () => {
    expect(problemOf(RESIDENT_X.slice(0, 17) + '0', 'hkMacaoTaiwanPermit')).toBe('前六位应为 810000（香港）、820000（澳门）或 830000（台湾）')
  })

  it('never repeats the number in a problem', () => {
    const bad = [RESIDENT_X.slice(0, 17) + '1', withCheck('44030520260302101'), 'USA990388080812', HONG_KONG]
    for (const n of bad) {
      const p = problemOf(n, 'resident')
      expect(p).not.toContain(n)
      expect(p).not.toContain(n.slice(6, 14))
    }
  })
})

describe('phones', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['+86 138-1234-5678', 'mobile', '13812345678'],
    ['0086 13812345678', 'mobile', '13812345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
    ['19912345678', 'mobile', '19912345678'],
    ['0755-12345678', 'landline', '0755-12345678'],
    ['(0755)12345678', 'landline', '0755-12345678'],
    ['010-6512 3456', 'landline', '010-65123456'],
    ['+852 5123 4567', 'hongKongMobile', '+85251234567'],
    ['00852 91234567', 'hongKongMobile', '+85291234567'],
    ['(+852) 6123-4567', 'hongKongMobile', '+85261234567'],
    ['+853 6612 3456', 'macaoMobile', '+85366123456'],
  ])('stores %s as a %s: %s', (typed, kind, number) => {
    expect(checkPhone(typed)).toEqual({ ok: true, value: { kind, number } })
  })

  it.each([
    ['a second digit of 2', '12812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['a landline run into its area code', '075512345678'],
    ['a landline without its area code', '12345678'],
    ['a Hong Kong fixed line', '+852 2123 4567'],
    ['eight digits without a country code', '51234567'],
    ['a Macao fixed line', '+853 2812 3456'],
    ['another country', '+1 415 555 0100'],
    ['letters', 'abc'],
  ])('refuses %s', (_what, typed) => {
    expect(checkPhone(typed)).toEqual({ ok: false, error: '格式不正确：应为11位手机号（如 13912345678）、带区号的座机（如 0755-12345678）或港澳手机号（如 +852 51234567）' })
  })
})

describe('masking', () => {
  it.each([
    [RESIDENT_X, '4403**********105X'],
    [HONG_KONG, '8100**********1049'],
    [FOREIGN_2023, '9448**********1072'],
    [FOREIGN_2017, 'USA**********12'],
    ['12345', '****'],
    ['', '****'],
  ])('shows %s as %s', (number, masked) => {
    expect(maskIdNumber(number)).toBe(masked)
  })

  it('never shows the birth date of any document', () => {
    for (const [number, birth] of [[RESIDENT_X, '19900307'], [HONG_KONG, '19851122'], [FOREIGN_2023, '19880808'], [FOREIGN_2017, '880808']]) {
      const masked = maskIdNumber(number)
      expect(masked).toHaveLength(number.length)
      expect(masked).not.toContain(birth)
      expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(8)
    }
  })

  it.each([
    ['13812345678', '138****5678'],
    ['0755-12345678', '0755-****5678'],
    ['010-6512345', '010-****2345'],
    ['0755-12345678-801', '0755-****5678'],
    ['+85251234567', '+852****4567'],
    ['+85366123456', '+853****3456'],
    ['12345', '****'],
  ])('shows phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })
})

describe('move-in date', () => {
  it('accepts today', () => {
    expect(checkMoveInDate(TODAY, TODAY)).toEqual({ ok: true, value: TODAY })
  })

  it.each([
    ['tomorrow', '2026-03-02', '不能晚于今天'],
    ['next year', '2027-01-01', '不能晚于今天'],
    ['30 February', '2025-02-30', '不存在，请重新选择'],
    ['a day without dashes', '20250101', '应为日期，如 2024-03-01'],
    ['words', '上个月', '应为日期，如 2024-03-01'],
    ['1899', '1899-12-31', '不能早于1900年'],
  ])('refuses %s', (_what, day, problem) => {
    expect(checkMoveInDate(day, TODAY)).toEqual({ ok: false, error: problem })
  })

  it('refuses a move-in before the person was born', () => {
    expect(checkMoveInDate('2000-02-28', TODAY, '2000-02-29')).toEqual({ ok: false, error: '不能早于出生日期' })
    expect(checkMoveInDate('2000-02-29', TODAY, '2000-02-29').ok).toBe(true)
  })

  it('knows today in Asia/Shanghai, eight hours ahead of UTC', () => {
    expect(shanghaiToday(Date.UTC(2026, 1, 28, 15, 59))).toBe('2026-02-28')
    expect(shanghaiToday(Date.UTC(2026, 1, 28, 16, 0))).toBe('2026-03-01')
  })
})

describe('identity schemas', () => {
  const messageOf = (schema: Parameters<typeof parseWith>[0], input: unknown) => {
    const r = parseWith(schema, input)
    return r.ok ? `accepted ${JSON.stringify(r.value)}` : r.error.message
  }

  it('gives the stored form of a good number', () => {
    expect(parseWith(idNumberSchema('证件号码', { today: TODAY }), ` ${RESIDENT_X.toLowerCase()}`)).toEqual({ ok: true, value: RESIDENT_X })
  })

  it.each([
    [undefined, '请填写证件号码'],
    [440305, '证件号码必须是文本'],
    ['', '请填写证件号码'],
    ['4'.repeat(41), '证件号码过长，请核对'],
    [RESIDENT_X.slice(0, 17) + '1', '证件号码校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对'],
    [withCheck('44030520260302101'), '证件号码中的出生日期（第7–14位）晚于今天，请核对'],
  ])('names the field for %p', (input, message) => {
    expect(messageOf(idNumberSchema('证件号码', { today: TODAY }), input)).toBe(message)
  })

  it('asks for today at each check, not when the schema is made', () => {
    let today = '2026-03-01'
    const schema = idNumberSchema('证件号码', { today: () => today })
    const bornTomorrow = withCheck('44030520260302101')
    expect(parseWith(schema, bornTomorrow).ok).toBe(false)
    today = '2026-03-02'
    expect(parseWith(schema, bornTomorrow).ok).toBe(true)
  })

  it('puts a number of another document type on idNumber', () => {
    const r = parseWith(identityDocumentSchema('证件号码', TODAY), { idKind: 'resident', idNumber: HONG_KONG })
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', fields: { idNumber: '证件号码是港澳台居民居住证号码，与所选的证件类型“居民身份证”不符' } }),
    })
    expect(parseWith(identityDocumentSchema('证件号码', TODAY), { idKind: 'hkMacaoTaiwanPermit', idNumber: HONG_KONG })).toEqual({
      ok: true,
      value: { idKind: 'hkMacaoTaiwanPermit', idNumber: HONG_KONG },
    })
    expect(messageOf(identityDocumentSchema('证件号码', TODAY), { idKind: 'passport', idNumber: HONG_KONG })).toBe('证件类型不在可选范围内')
  })

  it.each([
    ['+86 138 1234 5678', 'accepted "13812345678"'],
    ['', '请填写联系电话'],
    [13812345678, '联系电话必须是文本'],
    ['1234', '联系电话格式不正确：应为11位手机号（如 13912345678）、带区号的座机（如 0755-12345678）或港澳手机号（如 +852 51234567）'],
  ])('phone %p', (input, message) => {
    expect(messageOf(phoneSchema('联系电话'), input)).toBe(message)
  })

  it.each([
    [TODAY, `accepted "${TODAY}"`],
    ['2026-03-02', '入住日期不能晚于今天'],
    [undefined, '请填写入住日期'],
    ['2026-02-29', '入住日期不存在，请重新选择'],
  ])('move-in %p', (input, message) => {
    expect(messageOf(moveInDateSchema(TODAY), input)).toBe(message)
  })
})
