import { parseBuildings } from '../../shared/buildings/parseBuildings'

// Reading the building registry's CSV: every problem with its row and column, rows gathered
// into buildings, and the file-level refusals shared with the staff roster (csvTable.ts).
const HEADER = '社区编码,楼栋,单元,房号,经度,纬度,地址'
const ok = (building = '3栋', unit = '1单元', room = '301', lng = '114.0575', lat = '22.54113') => ['440304005001', building, unit, room, lng, lat, ''].join(',')
const problemsOf = (...rows: string[]) => parseBuildings([HEADER, ...rows].join('\n')).problems

describe('reading a building registry file', () => {
  it('gathers the rows of one community and building into one building with its rooms', () => {
    const out = parseBuildings(['\uFEFF社区编码（必填）,楼号,单元,房间号,经度,纬度,地址', ok('3栋', '1单元', '301'), ok('3栋', '', '302'), ok('4栋', '1单元', '301')].join('\r\n'))
    expect(out.problems).toEqual([])
    expect(out.buildings).toEqual([
      { row: 2, communityCode: '440304005001', name: '3栋', address: '', location: { lng: 114.0575, lat: 22.54113 }, rooms: [{ row: 2, unit: '1单元', number: '301' }, { row: 3, unit: '', number: '302' }] },
      { row: 4, communityCode: '440304005001', name: '4栋', address: '', location: { lng: 114.0575, lat: 22.54113 }, rooms: [{ row: 4, unit: '1单元', number: '301' }] },
    ])
  })

  it.each([
    ['a short community code', ['44030400500', '3栋', '', '301', '114.05', '22.54'].join(','), '社区编码', '社区编码 44030400500 应为12位数字'],
    ['a code Excel showed as a number', ['4.40304E+11', '3栋', '', '301', '114.05', '22.54'].join(','), '社区编码', expect.stringMatching(/科学计数法/)],
    ['no building', ok(''), '楼栋', '楼栋不能为空'],
    ['no room', ok('3栋', '1单元', ''), '房号', '房号不能为空'],
    ['a longitude that is not a number', ok('3栋', '', '301', '东经114'), '经度', '经度 东经114 应为数字（度，如 114.0579）'],
    ['no latitude', ok('3栋', '', '301', '114.05', ''), '纬度', '纬度不能为空'],
    ['a point outside China', ok('3栋', '', '301', '2.35', '48.85'), '经度', '位置不在中国境内，请重新定位'],
    ['a swapped pair', ok('3栋', '', '301', '22.54', '114.05'), '经度', expect.stringMatching(/填反了/)],
    ['a building name past 30 characters', ok('楼'.repeat(31)), '楼栋', '楼栋最多30个字'],
  ])('reports %s with its row and column', (_what, line, column, message) => {
    expect(problemsOf(ok('1栋'), line)).toEqual([{ row: 3, column, message }])
  })

  it('reports a room listed twice and a building whose rows disagree on its point', () => {
    expect(problemsOf(ok(), ok(), ok('3栋', '1单元', '302', '114.0580'))).toEqual([
      { row: 3, column: '房号', message: '3栋1单元301 与第2行重复：同一户只能出现一次' },
      { row: 4, column: '经度', message: expect.stringMatching(/与第2行相差约51米/) },
    ])
  })

  it('accepts rows of one building a few metres apart', () => {
    expect(problemsOf(ok(), ok('3栋', '1单元', '302', '114.05754'))).toEqual([])
  })

  it('refuses a header without its required columns, and an empty file', () => {
    expect(parseBuildings('社区编码,楼栋,单元\n').problems.map((p) => p.column)).toEqual(['房号', '经度', '纬度'])
    expect(parseBuildings('').problems[0].message).toMatch(/文件是空的/)
    expect(parseBuildings(`${HEADER}\n`).problems[0].message).toMatch(/没有房屋/)
  })
})
