import { readCsvTable, SCIENTIFIC, type CsvProblem } from '../csv/csvTable'
import type { LngLat } from '../model'
import { distanceM } from '../routing/geo'
import { locationSchema } from '../schemas/common'
import { BUILDING_COLUMNS, buildingHeader as header, type BuildingField } from './columns'

// Reading a building registry file (docs/import.md): the CSV as Excel saves it
// (shared/csv/csvTable.ts), checked cell by cell, then gathered into buildings: the rows of
// one community code and building name. Whether the community exists and which grid each
// building routes to is the use case's next step; this one needs nothing but the text.

export interface ParsedRoom { row: number; unit: string; number: string }
export interface ParsedBuilding {
  /** the building's first row */
  row: number
  communityCode: string
  name: string
  address: string
  location: LngLat
  rooms: ParsedRoom[]
}
export interface ParsedBuildings { buildings: ParsedBuilding[]; problems: CsvProblem[] }

const MAX_ROWS = 20_000
const LIMITS = { building: 30, unit: 20, room: 20, address: 100 }
/** Rows of one building give one point: more apart than this is two buildings, or a typo. */
export const SAME_BUILDING_M = 10

export function parseBuildings(text: string): ParsedBuildings {
  const table = readCsvTable(text, BUILDING_COLUMNS, {
    headerHint: '社区编码、楼栋、单元、房号、经度、纬度、地址',
    maxRows: MAX_ROWS,
    tooMany: `一次最多导入 ${MAX_ROWS} 户，请按社区拆分后分批导入`,
  })
  if (table.problems.length > 0) return { buildings: [], problems: table.problems }
  const problems: CsvProblem[] = []
  const byKey = new Map<string, ParsedBuilding>()
  const roomRows = new Map<string, number>()
  for (const { row, cell } of table.rows) {
    const checked = readRow(row, cell)
    problems.push(...checked.problems)
    const r = checked.row
    if (!r) continue
    const key = `${r.communityCode}\u0000${r.building}`
    const roomKey = `${key}\u0000${r.unit}\u0000${r.room}`
    const first = roomRows.get(roomKey)
    if (first !== undefined) {
      problems.push({ row, column: header('room'), message: `${r.building}${r.unit}${r.room} 与第${first}行重复：同一户只能出现一次` })
      continue
    }
    roomRows.set(roomKey, row)
    const building = byKey.get(key)
    if (!building) {
      byKey.set(key, { row, communityCode: r.communityCode, name: r.building, address: r.address, location: r.location, rooms: [{ row, unit: r.unit, number: r.room }] })
      continue
    }
    const apart = distanceM(building.location, r.location)
    if (apart > SAME_BUILDING_M) {
      problems.push({ row, column: header('lng'), message: `${r.building}的位置与第${building.row}行相差约${Math.round(apart)}米：同一楼栋的各行经纬度应一致（相差不超过${SAME_BUILDING_M}米）` })
      continue
    }
    if (!building.address && r.address) building.address = r.address
    building.rooms.push({ row, unit: r.unit, number: r.room })
  }
  if (byKey.size === 0 && problems.length === 0) return { buildings: [], problems: [{ row: 0, column: '', message: '文件中没有房屋：表头下面至少要有一行' }] }
  return { buildings: [...byKey.values()], problems }
}

interface RowValues { communityCode: string; building: string; unit: string; room: string; address: string; location: LngLat }

function readRow(row: number, cell: (field: BuildingField) => string | undefined): { row: RowValues | null; problems: CsvProblem[] } {
  const problems: CsvProblem[] = []
  const problem = (field: BuildingField, message: string) => problems.push({ row, column: header(field), message })
  const text = (field: BuildingField, label: string, required: boolean) => {
    const v = (cell(field) ?? '').replace(/\s+/g, ' ')
    if (!v && required) problem(field, `${label}不能为空`)
    else if ([...v].length > LIMITS[field as keyof typeof LIMITS]) problem(field, `${label}最多${LIMITS[field as keyof typeof LIMITS]}个字`)
    return v
  }

  const communityCode = cell('communityCode')!
  if (!communityCode) problem('communityCode', '社区编码不能为空：应为12位数字')
  else if (SCIENTIFIC.test(communityCode)) problem('communityCode', `社区编码 ${communityCode} 被 Excel 显示成了科学计数法：请把该列设为"文本"后重新填写并保存`)
  else if (!/^\d{12}$/.test(communityCode)) problem('communityCode', `社区编码 ${communityCode} 应为12位数字`)
  const building = text('building', '楼栋', true)
  const unit = text('unit', '单元', false)
  const room = text('room', '房号', true)
  const address = text('address', '地址', false)
  const location = readLocation(cell('lng')!, cell('lat')!, problem)

  if (problems.length > 0 || !location) return { row: null, problems }
  return { row: { communityCode, building, unit, room, address, location }, problems }
}

/** The point as numbers, held to the same checks as any location (in China, not swapped). */
function readLocation(lngCell: string, latCell: string, problem: (field: BuildingField, message: string) => void): LngLat | null {
  const number = (cellText: string, field: 'lng' | 'lat', label: string) => {
    if (!cellText) problem(field, `${label}不能为空`)
    else if (!/^-?\d+(\.\d+)?$/.test(cellText)) problem(field, `${label} ${cellText} 应为数字（度，如 114.0579）`)
    else return Number(cellText)
    return null
  }
  const lng = number(lngCell, 'lng', '经度')
  const lat = number(latCell, 'lat', '纬度')
  if (lng === null || lat === null) return null
  const checked = locationSchema.safeParse({ lng, lat })
  if (checked.success) return { lng, lat }
  // a swapped pair also puts the latitude out of range: the hint that names both says it better
  const swapped = checked.error.issues.filter((i) => i.message.includes('填反'))
  for (const issue of swapped.length > 0 ? swapped : checked.error.issues) problem(issue.path[0] === 'lat' ? 'lat' : 'lng', issue.message)
  return null
}
