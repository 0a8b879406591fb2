import type { FormatColumn } from '../common/FileFormat'
import { BUILDING_COLUMNS, type BuildingField } from '../../../../shared/buildings/columns'

// The building registry file as the import reads it (shared/buildings/columns.ts: the
// headers, in order, each also known by a few aliases) with a line on what goes in each,
// and an example.

const NOTES: Record<BuildingField, string> = {
  communityCode: '12位社区编码，须是网格地图中已有的社区',
  building: '楼栋名称，例如：3栋、A座；同一社区内同名即同一栋，再次导入会更新而不是新增',
  unit: '例如：2单元；没有单元可空',
  room: '例如：301；同一楼栋、单元内不能重复',
  lng: '楼栋位置的经度（GCJ-02，腾讯或高德地图取点），约 73–136',
  lat: '楼栋位置的纬度（GCJ-02），约 3–54；同一楼栋各行的经纬度应一致',
  address: '例如：莲花路88号3栋',
}

export const BUILDINGS_COLUMNS: FormatColumn[] = BUILDING_COLUMNS.map((c) => ({ name: c.header, required: c.required, note: NOTES[c.field] }))

export const BUILDINGS_HEADER = BUILDINGS_COLUMNS.map((c) => c.name).join(',')

export const BUILDINGS_EXAMPLE = [
  BUILDINGS_HEADER,
  '440304005001,3栋,1单元,101,114.057500,22.541130,莲花路88号3栋',
  '440304005001,3栋,1单元,102,114.057500,22.541130,莲花路88号3栋',
  '440304005001,3栋,2单元,101,114.057500,22.541130,莲花路88号3栋',
  '440304005001,5栋,,1,114.057800,22.541000,莲花路90号',
].join('\n')
