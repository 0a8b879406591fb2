import turfArea from '@turf/area'
import Flatbush from 'flatbush'
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping'
import type { Community, GridGeometry } from '../model'

// Warnings about a grid map, shown with the dry run (docs/import.md): two grids whose
// interiors overlap (a point there goes to the lowest id by the router's tie rule, not by the map),
// and area inside a community that none of its grids covers (a report there goes to the
// community's queue, not to a grid). They are the GIS team's to judge, so they never block
// an import; problems (validateImport.ts) do. Areas are geodesic m² (@turf/area); GCJ-02's
// offset is smooth, so areas in it are WGS-84's to far better than the rounding below.
//
// Scale: candidate pairs come from a flatbush over bounding boxes, one exact intersection
// each (~50 µs), and one union per community. generateCity({ grids: 20_000 }) (77,000 pairs,
// 1,300 communities of 16 grids) takes 4.4–4.8 s on one core, ~3.6 s of it the pairs.
// Skipping pairs whose boxes overlap by under 1 m² would save 3% of them: not worth a rule.

export interface WarningGrid {
  code: string
  name: string
  communityCode: string
  geometry: GridGeometry
  /** its index in the imported file; null for a grid already on the map that the file leaves alone */
  feature: number | null
}
export type WarningCommunity = Pick<Community, 'code' | 'name' | 'geometry'>
/** [minLng, minLat, maxLng, maxLat] of the area concerned, GCJ-02: where to look on the map */
export type Box = [number, number, number, number]

export type MapWarning =
  /** features: the pair's indices in the file, one when the other grid is one the map keeps */
  | { kind: 'overlap'; codes: [string, string]; features: [number] | [number, number]; areaM2: number; bbox: Box; message: string }
  | { kind: 'gap'; communityCode: string; areaM2: number; bbox: Box; message: string }

/**
 * Below one square metre an overlap or gap is rounding, not a drawing error: coordinates are
 * stored to 1e-7° (~1 cm), and two neighbours that list slightly different vertices along a
 * few-hundred-metre shared edge leave slivers well under 1 m², far below GPS accuracy. A
 * shared edge itself intersects in a line, area 0.
 */
export const MIN_WARNING_M2 = 1

const partsOf = (g: GridGeometry): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
const areaOf = (m: MultiPolygon) => (m.length === 0 ? 0 : turfArea({ type: 'MultiPolygon', coordinates: m }))
const roundArea = (m2: number) => Math.max(MIN_WARNING_M2, Math.round(m2))
const shown = (m2: number) => m2.toLocaleString('en-US')

function boxOf(parts: readonly Polygon[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity]
  for (const part of parts) for (const [lng, lat] of part[0] ?? []) {
    b[0] = Math.min(b[0], lng), b[1] = Math.min(b[1], lat), b[2] = Math.max(b[2], lng), b[3] = Math.max(b[3], lat)
  }
  return b
}

/**
 * polygon-clipping throws on some near-degenerate input ("Unable to complete output ring"),
 * even for shapes validateGeometry.ts accepts. A warning is advice: the pair or community it
 * failed on goes without one rather than failing the import.
 */
function attempt<T>(op: () => T): T | null {
  try {
    return op()
  } catch {
    return null
  }
}

const label = (g: WarningGrid) => `${g.name}（${g.code}）`

function overlaps(grids: readonly WarningGrid[]): MapWarning[] {
  const boxes = grids.map((g) => boxOf(partsOf(g.geometry)))
  const index = new Flatbush(Math.max(1, grids.length))
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3])
  if (grids.length === 0) index.add(0, 0, 0, 0)
  index.finish()
  const out: MapWarning[] = []
  grids.forEach((a, i) => {
    if (a.feature === null) return
    // each pair once; a grid the file leaves alone is only ever the second of a pair
    const js = index.search(...boxes[i]).filter((j) => j !== i && (grids[j].feature === null || j > i)).sort((x, y) => x - y)
    for (const j of js) {
      const b = grids[j]
      const shared = attempt(() => polygonClipping.intersection(a.geometry.coordinates as Polygon | MultiPolygon, b.geometry.coordinates as Polygon | MultiPolygon))
      if (!shared) continue
      const m2 = areaOf(shared)
      if (m2 < MIN_WARNING_M2) continue
      const areaM2 = roundArea(m2)
      out.push({
        kind: 'overlap', codes: [a.code, b.code], features: b.feature === null ? [a.feature] : [a.feature, b.feature], areaM2, bbox: boxOf(shared),
        message: `${label(a)}与${label(b)}重叠约 ${shown(areaM2)} 平方米`,
      })
    }
  })
  return out
}

/**
 * The area of a community none of its grids covers: its outline minus its grids, or without
 * an outline, the holes of its grids' union (gaps enclosed by grids; the edge of the union is
 * the edge of the community as far as the map knows). A grid's own holes are left out of
 * both: a hole is drawn on purpose (a school, a barracks carved out), a gap is not.
 */
function gaps(grids: readonly WarningGrid[], communities: readonly WarningCommunity[]): MapWarning[] {
  const byCommunity = new Map<string, WarningGrid[]>()
  for (const g of grids) {
    if (g.feature === null) continue
    const list = byCommunity.get(g.communityCode)
    if (list) list.push(g)
    else byCommunity.set(g.communityCode, [g])
  }
  const out: MapWarning[] = []
  for (const c of communities) {
    const mine = c.code ? byCommunity.get(c.code) : undefined
    if (!c.code || !mine) continue
    const shells: MultiPolygon[] = mine.map((g) => partsOf(g.geometry).map((p) => [p[0]]))
    const uncovered = attempt((): MultiPolygon => {
      if (c.geometry) return polygonClipping.difference(c.geometry.coordinates as Polygon | MultiPolygon, ...shells)
      const union = polygonClipping.union(shells[0], ...shells.slice(1))
      if (union.every((p) => p.length === 1)) return []
      // the holes less any grid lying inside them
      return polygonClipping.difference(union.map((p) => [p[0]]), union)
    })
    for (const piece of uncovered ?? []) {
      const m2 = areaOf([piece])
      if (m2 < MIN_WARNING_M2) continue
      const areaM2 = roundArea(m2)
      out.push({ kind: 'gap', communityCode: c.code, areaM2, bbox: boxOf([piece]), message: `${c.name}（${c.code}）内有约 ${shown(areaM2)} 平方米不属于任何网格` })
    }
  }
  return out
}

/**
 * Overlaps of the file's grids with each other and with the grids the map keeps, then the gaps
 * of each community the file covers. `grids` is the map after the import; pairs of grids the
 * file leaves alone are not its doing and are not checked.
 */
export function mapWarnings(grids: readonly WarningGrid[], communities: readonly WarningCommunity[]): MapWarning[] {
  return [...overlaps(grids), ...gaps(grids, communities)]
}
