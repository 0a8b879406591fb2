import { parseRoster } from '../../shared/roster/parseRoster'
import { normalPhone } from '../../shared/roster/phone'
import { placeRoster, type RosterPlaces } from '../../shared/roster/placeRoster'

// A staff roster is checked row by row: every problem names the row as Excel numbers it
// (the header is row 1) and the column by its Chinese header, and a row with a problem
// passes nothing on (the use case then writes nothing at all).

const HEADER = '姓名,工作电话,角色,所属编码,职责,办公时间'
const PLACES: RosterPlaces = {
  streets: [{ id: 's1', code: '440304005', name: '华富街道' }],
  communities: [
    { id: 'c1', code: '440304005001', name: '莲花一村社区', streetId: 's1' },
    { id: 'c2', code: '440304005002', name: '田面社区', streetId: 's1' },
  ],
  grids: [
    { id: 'g1', code: '440304005001001', name: '莲花一村社区第1网格', communityId: 'c1', streetId: 's1' },
    { id: 'g2', code: '440304005001002', name: '莲花一村社区第2网格', communityId: 'c1', streetId: 's1' },
    { id: 'g3', code: '440304005002001', name: '田面社区第1网格', communityId: 'c2', streetId: 's1' },
  ],
}
const GOOD = '王小明,13912340001,网格员,440304005001001,巡查走访,工作日 9:00-17:30'
const file = (...rows: string[]) => [HEADER, ...rows].join('\n')
/** Parsing and placing, as the import does: every problem of the file, and the rows that passed both. */
function check(text: string) {
  const parsed = parseRoster(text)
  const placed = placeRoster(parsed.rows, PLACES)
  return { problems: [...parsed.problems, ...placed.problems], placed: placed.placed }
}

describe('reading a staff roster', () => {
  it('reads good rows of every role, with a BOM, CRLF line ends and several grids in one cell', () => {
    const text = '\uFEFF' + [
      HEADER, GOOD,
      '李红,0755-83451234,网格长,"440304005001001、440304005001002",统筹网格事务,',
      '张强,139 1234 0003,社区分拨员,440304005002,,',
      '赵敏,+86 13912340004,街道分拨员,440304005,,',
    ].join('\r\n')
    const out = check(text)
    expect(out.problems).toEqual([])
    expect(out.placed.map((r) => [r.row, r.name, r.phone, r.role, r.gridIds, r.communityId, r.streetId])).toEqual([
      [2, '王小明', '13912340001', 'grid_worker', ['g1'], 'c1', 's1'],
      [3, '李红', '0755-83451234', 'grid_leader', ['g1', 'g2'], 'c1', 's1'],
      [4, '张强', '13912340003', 'community_dispatcher', [], 'c2', 's1'],
      [5, '赵敏', '13912340004', 'street_dispatcher', [], null, 's1'],
    ])
    expect(out.placed[0]).toMatchObject({ duties: '巡查走访', officeHours: '工作日 9:00-17:30' })
    expect(out.placed[1]).toMatchObject({ officeHours: '' })
  })

  it('accepts header aliases, ignores columns it does not know, and leaves absent optional columns undefined', () => {
    const out = check(['序号,名字,手机,岗位,网格编码,备注', '1,王小明,13912340001,网格员,440304005001001,新人'].join('\n'))
    expect(out.problems).toEqual([])
    expect(out.placed).toHaveLength(1)
    expect(out.placed[0]).not.toHaveProperty('duties')
  })

  it('ignores the 照片 column an old roster still has, web address or not: photos are uploaded on the staff page', () => {
    const out = check([`${HEADER},照片`, `${GOOD},https://example.com/p/1.jpg`, '李红,13912340002,网格长,440304005001001,,,http://example.com/2.jpg'].join('\n'))
    expect(out.problems).toEqual([])
    expect(out.placed.map((r) => r.name)).toEqual(['王小明', '李红'])
    for (const row of out.placed) expect(Object.values(row).join()).not.toMatch(/example\.com/)
  })

  it.each([
    ['a wrong phone', '王小明,1391234000,网格员,440304005001001,,', '工作电话', '工作电话 1391234000 格式不正确：应为11位手机号（如 13912345678）或带区号的座机（如 0755-12345678）'],
    ['a landline without its area code marked', '王小明,075583451234,网格员,440304005001001,,', '工作电话', /^工作电话 075583451234 格式不正确/],
    ['a phone Excel turned into 1.39E+10', '王小明,1.39123E+10,网格员,440304005001001,,', '工作电话', /科学计数法/],
    ['an unknown role', '王小明,13912340001,网格管理员,440304005001001,,', '角色', '角色"网格管理员"无法识别：应为 网格员、网格长、社区分拨员 或 街道分拨员'],
    ['an unknown code', '王小明,13912340001,网格员,440304005001009,,', '所属编码', '所属编码 440304005001009 不是系统中已有的网格：请先导入网格边界，或核对编码'],
    ['a community code for a grid worker', '王小明,13912340001,网格员,440304005001,,', '所属编码', '网格员的所属编码应为15位网格编码，440304005001 是12位社区编码'],
    ['a grid code for a community dispatcher', '王小明,13912340001,社区分拨员,440304005001001,,', '所属编码', '社区分拨员的所属编码应为12位社区编码，440304005001001 是15位网格编码'],
    ['two communities for one dispatcher', '王小明,13912340001,社区分拨员,440304005001;440304005002,,', '所属编码', '社区分拨员只能属于一个社区，这里填了2个编码'],
    ['grids of two communities', '王小明,13912340001,网格员,440304005001001、440304005002001,,', '所属编码', /属于不同社区/],
    ['a code that is not digits', '王小明,13912340001,网格员,第一网格,,', '所属编码', /应为数字编码/],
    ['a missing code', '王小明,13912340001,网格员,,,', '所属编码', /^所属编码不能为空/],
    ['a missing name', ',13912340001,网格员,440304005001001,,', '姓名', '姓名不能为空'],
    ['duties over 100 characters', `王小明,13912340001,网格员,440304005001001,${'巡'.repeat(101)},,`, '职责', '职责最多100个字'],
  ])('reports %s at its row and column, and passes nothing of it', (_what, bad, column, message) => {
    const out = check(file(GOOD.replace('13912340001', '13912340009'), bad))
    expect(out.problems).toEqual([{ row: 3, column, message: typeof message === 'string' ? message : expect.stringMatching(message) }])
    expect(out.placed.map((r) => r.row)).toEqual([2])
  })

  it('reports a duplicate phone at its second row, naming the first', () => {
    const out = check(file(GOOD, '李红,139-1234-0001,网格长,440304005001002,,'))
    expect(out.problems).toEqual([{ row: 3, column: '工作电话', message: '工作电话 13912340001 与第2行重复：一个工作电话只能对应一个人' }])
  })

  it('refuses two leaders for one grid, naming the first', () => {
    const out = check(file('李红,13912340001,网格长,440304005001001,,', '周刚,13912340002,网格长,440304005001001,,'))
    expect(out.problems).toEqual([{ row: 3, column: '所属编码', message: '莲花一村社区第1网格（440304005001001）在第2行已有网格长 李红：一个网格只有一位网格长' }])
  })

  it('reports a header missing a column at row 1, with that column, and reads no row', () => {
    const out = parseRoster(['姓名,工作电话,角色', '王小明,13912340001,网格员'].join('\n'))
    expect(out.problems).toEqual([{ row: 1, column: '所属编码', message: '表头缺少"所属编码"列（也可写作：编码、网格编码、所属网格编码）' }])
    expect(out.rows).toEqual([])
    expect(parseRoster('姓名,电话,手机,角色,所属编码\n').problems).toEqual([{ row: 1, column: '工作电话', message: expect.stringMatching(/出现了两次/) }])
  })

  it('counts rows as Excel does: blank lines count, a line break inside quotes does not', () => {
    const out = check(file(GOOD, '', '"李\n红",13912340002,网格员,440304005001002,,', '周刚,13912340003,网格员,440304005001009,,'))
    expect(out.placed.map((r) => r.row)).toEqual([2, 4])
    expect(out.problems).toEqual([expect.objectContaining({ row: 5, column: '所属编码' })])
  })

  it('tells a GBK file read as UTF-8 to be saved as "CSV UTF-8", and an empty or broken file what it is', () => {
    const gbkAsUtf8 = new TextDecoder('utf-8').decode(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x31])) // "姓名,1" in GBK
    expect(parseRoster(gbkAsUtf8).problems).toEqual([{ row: 0, column: '', message: expect.stringMatching(/CSV UTF-8/) }])
    expect(parseRoster('').problems[0].message).toMatch(/文件是空的/)
    expect(parseRoster(`${HEADER}\n`).problems[0].message).toMatch(/名单中没有人员/)
    expect(parseRoster(`${HEADER}\n"王小明,13912340001,网格员,440304005001001`).problems[0]).toMatchObject({ column: '', message: expect.stringMatching(/不是有效的 CSV/) })
  })

  it('reads a tab-separated file (Excel\'s "Unicode 文本") like a comma-separated one', () => {
    const out = check(['姓名\t工作电话\t角色\t所属编码', '王小明\t13912340001\t网格员\t440304005001001'].join('\n'))
    expect(out.problems).toEqual([])
    expect(out.placed).toHaveLength(1)
  })
})

describe('work phones', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['0755-83451234', '0755-83451234'],
    ['(0755)83451234', '0755-83451234'],
    ['010-6512 3456', '010-65123456'],
    ['0755-83451234-801', '0755-83451234-801'],
  ])('stores %s as %s', (input, stored) => expect(normalPhone(input)).toBe(stored))

  it.each(['1391234567', '12912345678', '075583451234', '83451234', '0755-123', 'abc'])('refuses %s', (input) => expect(normalPhone(input)).toBeNull())
})
