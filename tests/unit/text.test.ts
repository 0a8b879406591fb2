import { cleanText, graphemes, preview, visibleLength } from '../../shared/text'
import { submitReportSchema } from '../../shared/schemas/report'
import { resolveTaskSchema } from '../../shared/schemas/task'

describe('text as a person sees it', () => {
  it.each([
    ['楼道堆杂物', 5],
    ['\u200B\u200B\u200B\u200B\u200B\u200B', 0],
    ['\u202E\u202D\u2066\u2069\u200E', 0],
    ['a\u0301b\u0301', 2],
    ['👨‍👩‍👧‍👦🇨🇳', 2],
    ['👍🏽ok', 3],
    ['  \u3000\t\n ', 0],
    ['\u3164\u3164\u3164\u3164\u3164', 0],
  ])('counts %j as %i visible characters', (text, n) => {
    expect(visibleLength(text)).toBe(n)
  })

  it('removes direction overrides and control characters, keeps line breaks, and trims', () => {
    expect(cleanText(' 3栋\u202E楼道\u0007堆杂物\n第二行 ')).toBe('3栋楼道堆杂物\n第二行')
  })

  it('cuts a preview on whole characters, never half an emoji', () => {
    const text = `${'楼'.repeat(8)}👨‍👩‍👧‍👦🇨🇳后面的字`
    const cut = preview(text, 10)
    expect(cut).toBe(`${'楼'.repeat(8)}👨‍👩‍👧‍👦…`)
    expect(graphemes(cut).at(-2)).toBe('👨‍👩‍👧‍👦')
    expect(preview('短句', 10)).toBe('短句')
  })

  it('refuses a description of zero-width or bidi padding, naming the field', () => {
    const base = { category: 'garbage', photos: ['f_1'], location: { lng: 114.05, lat: 22.54 } }
    for (const description of ['\u200B'.repeat(10), '\u202E\u202D'.repeat(5), '楼\u200B\u200B\u200B\u200B', 'ab\u0301\u0301\u0301']) {
      const r = submitReportSchema.safeParse({ ...base, description })
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]).toMatchObject({ path: ['description'], message: expect.stringContaining('问题描述至少5个字') })
    }
    const ok = submitReportSchema.safeParse({ ...base, description: '楼道\u202E堆满杂物' })
    expect(ok.success && ok.data.description).toBe('楼道堆满杂物')
    expect(resolveTaskSchema.safeParse({ taskId: 't', version: 1, photos: ['f'], text: '\u2060'.repeat(20) }).success).toBe(false)
  })
})

describe('text checks stay cheap on hostile input', () => {
  it('refuses a huge padded text by its raw length before counting it', () => {
    const base = { category: 'garbage', photos: ['f_1'], location: { lng: 114.05, lat: 22.54 } }
    const r = submitReportSchema.safeParse({ ...base, description: `${'\u200D🇨'.repeat(30_000)}\u200D` })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toEqual(['问题描述最多500个字'])
  })

  it('keeps a chain of joiners and flag halves as the characters a reader sees', () => {
    expect(graphemes('\u200D🇨\u200D🇨')).toEqual(['\u200D🇨\u200D🇨'])
    expect(graphemes('🇨🇳🇨')).toEqual(['🇨🇳', '🇨'])
  })
})
