import type { CsvColumn } from '../csv/columns'

// The building registry file (docs/import.md, "Buildings and rooms (CSV)"): one header row
// in Chinese, one room a row; a building is the rows that share a community code and a
// building name, and its location is the point its rows give (they must agree).

export type BuildingField = 'communityCode' | 'building' | 'unit' | 'room' | 'lng' | 'lat' | 'address'

export const BUILDING_COLUMNS: readonly CsvColumn<BuildingField>[] = [
  { field: 'communityCode', header: '社区编码', aliases: ['社区代码', '所属社区编码', '编码'], required: true },
  { field: 'building', header: '楼栋', aliases: ['楼栋名称', '楼号', '栋', '楼'], required: true },
  { field: 'unit', header: '单元', aliases: ['单元号', '单元名称'], required: false },
  { field: 'room', header: '房号', aliases: ['房间号', '门牌号', '户号', '房屋号'], required: true },
  { field: 'lng', header: '经度', aliases: ['lng', 'lon', '楼栋经度'], required: true },
  { field: 'lat', header: '纬度', aliases: ['lat', '楼栋纬度'], required: true },
  { field: 'address', header: '地址', aliases: ['详细地址', '楼栋地址'], required: false },
]

export const buildingHeader = (field: BuildingField) => BUILDING_COLUMNS.find((c) => c.field === field)!.header
