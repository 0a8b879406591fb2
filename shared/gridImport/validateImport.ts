import type { Community, GridGeometry, PolygonRings } from '../model'
import { validateGeometry } from '../routing/validateGeometry'
import { toGcj02, type CoordinateSystem } from './coordinates'

// A grid map import (docs/import.md): a GeoJSON FeatureCollection, one Feature per grid,
// `properties.code` (15 digits: 6-digit administrative code, 3 street, 3 community, 3 grid)
// and `properties.name`. Every feature is checked and every problem reported with its
// feature index and field, so a map can be fixed in one pass; nothing is imported while
// any problem remains (the use case decides that).

export interface ImportProblem { feature: number; field: string; message: string }
/** A grid that passed, with its feature's index in the file (warnings point back at it). */
export interface ImportedGrid { code: string; name: string; communityCode: string; geometry: GridGeometry; feature: number }
export interface ValidatedImport { grids: ImportedGrid[]; problems: ImportProblem[] }

export const GRID_CODE = /^\d{15}$/
/** Mainland China, generously: a point outside is a swapped pair or another system's coordinates. */
const CHINA = { lngMin: 73, lngMax: 136, latMin: 3, latMax: 54 }
const inChina = (lng: number, lat: number) => lng >= CHINA.lngMin && lng <= CHINA.lngMax && lat >= CHINA.latMin && lat <= CHINA.latMax
const MAX_FEATURES = 50_000

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const label = (i: number) => `第${i + 1}个网格`

/** Checks every point is a finite [lng, lat] inside China; returns the first problem of the feature, if any. */
function pointProblem(coordinates: unknown, depth: number): string | null {
  const walk = (v: unknown, d: number): string | null => {
    if (!Array.isArray(v)) return '坐标格式不正确'
    if (d === 0) {
      const [lng, lat] = v as unknown[]
      if (v.length < 2 || typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) return '坐标应为 [经度, 纬度] 两个数字'
      if (inChina(lng, lat)) return null
      return inChina(lat, lng) ? '经纬度好像填反了：每个坐标应为 [经度, 纬度]' : `坐标 [${lng}, ${lat}] 不在中国境内`
    }
    for (const c of v) {
      const p = walk(c, d - 1)
      if (p) return p
    }
    return null
  }
  return walk(coordinates, depth)
}

const convert = (rings: PolygonRings, from: CoordinateSystem): PolygonRings => rings.map((r) => r.map((p) => toGcj02(p, from)))

export function validateImport(input: unknown, communities: readonly Pick<Community, 'code'>[], from: CoordinateSystem): ValidatedImport {
  const problems: ImportProblem[] = []
  const grids: ImportedGrid[] = []
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { grids, problems: [{ feature: -1, field: 'type', message: '文件应为 GeoJSON 的 FeatureCollection（含 features 列表）' }] }
  }
  if (input.features.length === 0) return { grids, problems: [{ feature: -1, field: 'features', message: '文件中没有网格' }] }
  if (input.features.length > MAX_FEATURES) return { grids, problems: [{ feature: -1, field: 'features', message: `一次最多导入 ${MAX_FEATURES} 个网格` }] }
  const known = new Set(communities.map((c) => c.code).filter((c): c is string => !!c))
  const seen = new Map<string, number>()
  input.features.forEach((f, i) => {
    const problem = (field: string, message: string) => problems.push({ feature: i, field, message: `${label(i)}：${message}` })
    if (!isObject(f) || f.type !== 'Feature') return problem('type', '应为 GeoJSON Feature')
    const props = isObject(f.properties) ? f.properties : {}
    const code = typeof props.code === 'string' ? props.code.trim() : typeof props.code === 'number' ? String(props.code) : ''
    const name = typeof props.name === 'string' ? props.name.trim() : ''
    let ok = true
    if (!GRID_CODE.test(code)) (ok = false), problem('properties.code', '编码 code 应为15位数字（6位行政区划代码+3位街道+3位社区+3位网格）')
    else if (seen.has(code)) (ok = false), problem('properties.code', `编码 ${code} 与第${seen.get(code)! + 1}个网格重复`)
    else if (!known.has(code.slice(0, 12))) (ok = false), problem('properties.code', `所属社区 ${code.slice(0, 12)} 不存在，请先导入或检查编码`)
    if (GRID_CODE.test(code) && !seen.has(code)) seen.set(code, i)
    if (name.length < 1 || name.length > 30) (ok = false), problem('properties.name', '名称 name 应为1–30个字')
    const g = f.geometry
    if (!isObject(g)) return problem('geometry', '缺少边界 geometry')
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return problem('geometry.type', `边界应为 Polygon 或 MultiPolygon，而不是 ${String(g.type)}`)
    const points = pointProblem(g.coordinates, g.type === 'Polygon' ? 2 : 3)
    if (points) return problem('geometry.coordinates', points)
    // GeoJSON rings are closed: a ring whose last point is not its first was cut off in export
    const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PolygonRings[]
    let open = false
    parts.forEach((rings, pi) => rings.forEach((ring, ri) => {
      const [a, b] = [ring[0], ring[ring.length - 1]]
      if (ring.length === 0 || a[0] === b[0] && a[1] === b[1]) return
      open = true
      const where = g.type === 'Polygon' ? `${ri}` : `${pi}.${ri}`
      const part = g.type === 'Polygon' ? '' : `第${pi + 1}部分的`
      problem(`geometry.coordinates.${where}`, `${part}${ri === 0 ? '外环' : `第${ri}个内环`}没有闭合：最后一个坐标应与第一个相同`)
    }))
    if (open) return
    const geometry: GridGeometry = g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: convert(g.coordinates as PolygonRings, from) }
      : { type: 'MultiPolygon', coordinates: (g.coordinates as PolygonRings[]).map((p) => convert(p, from)) }
    const shape = validateGeometry(geometry)
    for (const p of shape) problem(`geometry.${p.path}`, p.message)
    if (ok && shape.length === 0) grids.push({ code, name, communityCode: code.slice(0, 12), geometry, feature: i })
  })
  return { grids, problems }
}
