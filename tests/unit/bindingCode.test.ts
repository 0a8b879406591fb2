import { newBindingCode } from '../../cloudfunctions/app/staff/codes'
import { bindStaffSchema, BINDING_CODE } from '../../shared/schemas/binding'

// Binding codes as staff read them off a note and type them: 8 characters with nothing that
// looks like another (no 0/O, no 1/I), every character of the alphabet in use.
describe('binding codes', () => {
  it('are 8 characters of the 32-letter alphabet, all of it used, none of 0 O 1 I', () => {
    const codes = Array.from({ length: 2000 }, newBindingCode)
    expect(codes.filter((c) => !BINDING_CODE.test(c))).toEqual([])
    const seen = new Set(codes.join(''))
    expect(seen.size).toBe(32)
    for (const c of '0O1I') expect(seen.has(c)).toBe(false)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it.each([
    ['abcd 2345', 'ABCD2345'],
    ['ABCD-2345', 'ABCD2345'],
  ])('forgives case, spaces and dashes as typed: %s', (typed, code) => {
    expect(bindStaffSchema.parse({ code: typed })).toEqual({ code })
  })

  it.each(['ABCD234', 'ABCD23450', 'ABCD2340', 'ABCDI345'])('refuses %s, naming the code', (typed) => {
    const r = bindStaffSchema.safeParse({ code: typed })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe('绑定码应为8位字母和数字（不含 0、O、1、I）')
  })
})
