import type { RosterProblem } from '../api'
import { readCsvTable, SCIENTIFIC } from '../csv/csvTable'
import { CODE_LENGTH, PLACE_NAME, ROLE_PLACE, ROSTER_COLUMNS, ROSTER_ROLES, type PlaceKind, type RosterField, type RosterRole } from './columns'
import { normalPhone, PHONE_FORMAT } from './phone'

// Reading a staff roster (docs/import.md): the CSV as Excel saves it (shared/csv/csvTable.ts),
// checked cell by cell, every problem with its row and column. Whether the codes exist is
// the next step (placeRoster.ts); this one needs nothing but the text.

/** A row that passed. `undefined` for an optional field: its column is not in the file (the record keeps what it had). */
export interface RosterRow {
  row: number
  name: string
  phone: string
  role: RosterRole
  codes: string[]
  duties?: string
  officeHours?: string
}
export interface ParsedRoster { rows: RosterRow[]; problems: RosterProblem[] }

const MAX_ROWS = 20_000
const LIMITS = { name: 30, duties: 100, officeHours: 60 }
const header = (field: RosterField) => ROSTER_COLUMNS.find((c) => c.field === field)!.header

export function parseRoster(text: string): ParsedRoster {
  const table = readCsvTable(text, ROSTER_COLUMNS, {
    headerHint: '姓名、工作电话、角色、所属编码',
    maxRows: MAX_ROWS,
    tooMany: `一次最多导入 ${MAX_ROWS} 人，请按街道拆分后分批导入`,
  })
  if (table.problems.length > 0) return { rows: [], problems: table.problems }
  const rows: RosterRow[] = []
  const problems: RosterProblem[] = []
  const phoneRows = new Map<string, number>()
  for (const { row, cell } of table.rows) {
    const checked = readRow(row, cell)
    problems.push(...checked.problems)
    if (!checked.row) continue
    const first = phoneRows.get(checked.row.phone)
    if (first !== undefined) {
      problems.push({ row, column: header('phone'), message: `工作电话 ${checked.row.phone} 与第${first}行重复：一个工作电话只能对应一个人` })
      continue
    }
    phoneRows.set(checked.row.phone, row)
    rows.push(checked.row)
  }
  if (rows.length === 0 && problems.length === 0) return { rows: [], problems: [{ row: 0, column: '', message: '名单中没有人员：表头下面至少要有一行' }] }
  return { rows, problems }
}

function readRow(row: number, cell: (field: RosterField) => string | undefined): { row: RosterRow | null; problems: RosterProblem[] } {
  const problems: RosterProblem[] = []
  const problem = (field: RosterField, message: string) => problems.push({ row, column: header(field), message })

  const name = cell('name')!.replace(/\s+/g, ' ')
  if (!name) problem('name', '姓名不能为空')
  else if ([...name].length > LIMITS.name) problem('name', `姓名最多${LIMITS.name}个字`)

  const phoneCell = cell('phone')!
  const phone = normalPhone(phoneCell)
  if (!phoneCell) problem('phone', '工作电话不能为空')
  else if (SCIENTIFIC.test(phoneCell)) problem('phone', `工作电话 ${phoneCell} 被 Excel 显示成了科学计数法：请把该列设为"文本"后重新填写并保存`)
  else if (!phone) problem('phone', `工作电话 ${phoneCell} 格式不正确：${PHONE_FORMAT}`)

  const roleCell = cell('role')!
  const role = Object.hasOwn(ROSTER_ROLES, roleCell) ? ROSTER_ROLES[roleCell] : null
  if (!roleCell) problem('role', '角色不能为空：应为 网格员、网格长、社区分拨员 或 街道分拨员')
  else if (!role) problem('role', `角色"${roleCell}"无法识别：应为 网格员、网格长、社区分拨员 或 街道分拨员`)

  const codes = readCodes(cell('codes')!, role, (m) => problem('codes', m))
  const optional = (field: 'duties' | 'officeHours', label: string) => {
    const v = cell(field)
    if (v !== undefined && [...v].length > LIMITS[field]) problem(field, `${label}最多${LIMITS[field]}个字`)
    return v
  }
  const duties = optional('duties', '职责')
  const officeHours = optional('officeHours', '办公时间')

  if (problems.length > 0 || !role || !phone || !codes) return { row: null, problems }
  return {
    row: {
      row, name, phone, role, codes,
      ...(duties !== undefined ? { duties } : {}),
      ...(officeHours !== undefined ? { officeHours } : {}),
    },
    problems,
  }
}

const KIND_BY_LENGTH = new Map(Object.entries(CODE_LENGTH).map(([kind, n]) => [n, kind as PlaceKind]))
const ROLE_NAME: Record<RosterRole, string> = { grid_worker: '网格员', grid_leader: '网格长', community_dispatcher: '社区分拨员', street_dispatcher: '街道分拨员' }

/** The codes of a cell: several grids are separated by 、 or ; (a comma too, inside quotes). */
function readCodes(text: string, role: RosterRole | null, problem: (message: string) => void): string[] | null {
  const codes = [...new Set(text.split(/[、;；,，\s]+/).filter(Boolean))]
  if (codes.length === 0) {
    problem('所属编码不能为空：网格员、网格长填15位网格编码，社区分拨员填12位社区编码，街道分拨员填9位街道编码')
    return null
  }
  const sci = codes.find((c) => SCIENTIFIC.test(c))
  if (sci) {
    problem(`所属编码 ${sci} 被 Excel 显示成了科学计数法：请把该列设为"文本"后重新填写并保存`)
    return null
  }
  const notDigits = codes.find((c) => !/^\d+$/.test(c))
  if (notDigits) {
    problem(`所属编码 ${notDigits} 应为数字编码（多个网格用"、"或";"分隔）`)
    return null
  }
  if (!role) return null
  const kind = ROLE_PLACE[role]
  const wrong = codes.find((c) => c.length !== CODE_LENGTH[kind])
  if (wrong) {
    const other = KIND_BY_LENGTH.get(wrong.length)
    const hint = other ? `，${wrong} 是${CODE_LENGTH[other]}位${PLACE_NAME[other]}编码` : ''
    problem(`${ROLE_NAME[role]}的所属编码应为${CODE_LENGTH[kind]}位${PLACE_NAME[kind]}编码${hint}`)
    return null
  }
  if (kind !== 'grid' && codes.length > 1) {
    problem(`${ROLE_NAME[role]}只能属于一个${PLACE_NAME[kind]}，这里填了${codes.length}个编码`)
    return null
  }
  return codes
}
