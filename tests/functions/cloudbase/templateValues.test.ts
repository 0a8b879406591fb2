import { cutValue, keywordType, templateData, type KeywordType } from '../../../cloudfunctions/adapters/cloudbase/templateValues'
import { pageOf, sendArgs, templateOf, templatesSchema } from '../../../cloudfunctions/adapters/cloudbase/templates'
import { MESSAGE_KINDS, type Message } from '../../../shared/model'

// WeChat refuses a whole subscription message when one value breaks its keyword's limit,
// so values are cut to fit, by keyword type.

/** Every page path of the mini-program, as app.json lists them: main pages, then `root/page` of each subpackage. */
function miniProgramPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  const config = require('../../../client/src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

describe('template values', () => {
  it.each<[KeywordType, string, string]>([
    ['thing', '楼道堆放杂物', '楼道堆放杂物'],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', '一二三四五六七八九十一二三四五六七八九…'],
    ['thing', '第一行\n第二行\r\n第三行', '第一行 第二行 第三行'],
    ['thing', '  前后空格   和   多个空格  ', '前后空格 和 多个空格'],
    ['thing', '😀'.repeat(25), `${'😀'.repeat(19)}…`],
    ['phrase', '已签收', '已签收'],
    ['phrase', '退回网格员返工处理', '退回网格员'],
    ['phrase', '已办结 OK!', '已办结'],
    ['name', '欧阳网格员张三丰李四王五', '欧阳网格员张三丰李四'],
    ['name', 'Wang Xiaoming the Grid Worker', 'Wang Xiaoming the Gr'],
    ['character_string', 'r_lx9ab 编号 0123456789abcdef0123456789abcdef', 'r_lx9ab0123456789abcdef012345678'],
    ['number', '共 12.5 件', '12.5'],
    ['letter', 'abc123DEF', 'abcDEF'],
    ['symbol', '!!!!!!!!', '!!!!!'],
    ['phone_number', '021-1234 5678 转 1234567890', '021-1234567812345'],
    ['car_number', '沪A·12345', '沪A12345'],
    ['time', '2025年3月3日 09:00', '2025年3月3日 09:00'],
  ])('%s "%s" → "%s"', (type, raw, expected) => {
    expect(cutValue(type, raw)).toBe(expected)
  })

  it('never leaves a line break in any value', () => {
    for (const type of ['thing', 'name', 'symbol', 'time', 'date', 'amount'] as KeywordType[]) expect(cutValue(type, 'a\nb\rc\u2028d')).not.toMatch(/[\r\n\u2028]/)
  })

  it('reads the type from the keyword and refuses a key that is not a keyword', () => {
    expect(keywordType('thing12')).toBe('thing')
    expect(keywordType('character_string3')).toBe('character_string')
    expect(keywordType('thing')).toBeNull()
    expect(() => templateData({ title: 'x' })).toThrow(/not a subscription-message keyword/)
    expect(templateData({ thing1: '一'.repeat(30), phrase2: '已签收了' })).toEqual({ thing1: { value: `${'一'.repeat(19)}…` }, phrase2: { value: '已签收了' } })
  })
})

describe('subscription templates', () => {
  const message: Message = {
    id: 'm_1', userId: 'u_res', kind: 'report_accepted', title: '您的反映已签收',
    body: '「垃圾堆放」已由王网格签收，正在处理，\n请耐心等待处理结果', reportId: 'r_1', taskId: 't_1', createdAt: Date.UTC(2025, 2, 3, 1, 5), readAt: null,
  }
  const template = { id: 'TPL_ACCEPTED_0123456789abcdef', fields: { thing1: 'title', thing2: 'body', phrase3: 'status', time4: 'time' } } as const

  it('fills each keyword from the message, in Shanghai time, cut to its limit', () => {
    expect(sendArgs(template, message, 'o_res', 'formal')).toEqual({
      touser: 'o_res',
      templateId: 'TPL_ACCEPTED_0123456789abcdef',
      page: 'case/detail?id=r_1',
      data: { thing1: { value: '您的反映已签收' }, thing2: { value: '「垃圾堆放」已由王网格签收，正在处理，…' }, phrase3: { value: '已签收' }, time4: { value: '2025年3月3日 09:05' } },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
  })

  it('opens the worker’s task page for task messages and the reporter’s case page for report messages', () => {
    expect(pageOf({ ...message, kind: 'task_assigned' })).toBe('worker/task/index?id=t_1')
    expect(pageOf({ ...message, kind: 'report_resolved' })).toBe('case/detail?id=r_1')
    expect(pageOf({ ...message, kind: 'report_closed', reportId: undefined })).toBe('case/messages')
  })

  it('opens only pages the mini-program has, in its main package or a subpackage (client/src/app.config.ts)', () => {
    const pages = miniProgramPages()
    const bare = { ...message, reportId: undefined, taskId: undefined }
    const opened = MESSAGE_KINDS.flatMap((kind) => [pageOf({ ...message, kind, declarationId: 'd_1' }), pageOf({ ...bare, kind })])
    expect(opened.map((p) => p.split('?')[0]).filter((p) => !pages.includes(p))).toEqual([])
    expect(pages).toContain('case/detail')
  })

  it('opens the verification page for a worker\'s declaration messages, and the declarant\'s household page or the form to answer a request for more', () => {
    const about = { ...message, reportId: undefined, taskId: undefined, declarationId: 'd_1' }
    expect(pageOf({ ...about, kind: 'declaration_received' })).toBe('worker/verify/index?id=d_1')
    expect(pageOf({ ...about, kind: 'declaration_duplicate' })).toBe('worker/verify/index?id=d_1')
    expect(pageOf({ ...about, kind: 'declaration_verified' })).toBe('declare/household')
    expect(pageOf({ ...about, kind: 'declaration_rejected' })).toBe('declare/household')
    expect(pageOf({ ...about, kind: 'declaration_more_info' })).toBe('declare/index?amend=d_1')
    expect(pageOf({ ...about, kind: 'declaration_more_info', declarationId: undefined })).toBe('declare/household')
  })

  it('shows a declaration message\'s state in words short enough for a phrase keyword', () => {
    const phrase = { ...template, fields: { phrase1: 'status' } } as const
    const states = (['declaration_received', 'declaration_verified', 'declaration_rejected', 'declaration_more_info'] as const).map((kind) => sendArgs(phrase, { ...message, kind }, 'o', 'formal').data.phrase1.value)
    expect(states).toEqual(['待核查', '已核验', '未通过', '需补充信息'])
  })

  it('takes templates for the declaration messages worth a push, and none for the duplicate-ID note', () => {
    for (const kind of ['declaration_received', 'declaration_verified', 'declaration_rejected', 'declaration_more_info']) expect(templatesSchema.safeParse({ [kind]: template }).success).toBe(true)
    expect(templatesSchema.safeParse({ declaration_duplicate: template }).success).toBe(false)
    expect(templateOf({ declaration_verified: template }, 'declaration_verified')).toEqual(template)
    expect(templateOf({ declaration_verified: template }, 'declaration_duplicate')).toBeUndefined()
  })

  it('checks the template settings: known message kinds, keyword names and value sources', () => {
    expect(templatesSchema.safeParse({ report_accepted: template }).success).toBe(true)
    expect(templatesSchema.safeParse({ report_lost: template }).success).toBe(false)
    expect(templatesSchema.safeParse({ report_accepted: { ...template, fields: { title: 'title' } } }).success).toBe(false)
    expect(templatesSchema.safeParse({ report_accepted: { ...template, fields: { thing1: 'author' } } }).success).toBe(false)
  })
})
