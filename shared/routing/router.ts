import * as z from 'zod'
import type { LngLat, Routing } from '../model'
import { bboxContains, bboxOf, coversPoint, ringsOf, type AreaGeometry, type PolygonRings } from './geo'
import { DEFAULT_BORDER_TOLERANCE_M, buildGridIndex, type GridIndex, type GridMatch, type GridSource } from './gridIndex'
import { validateGeometry } from './validateGeometry'

// Point → grid with the explicit outcomes of DESIGN.md "Routing (分拨)", in this order:
// 1. a grid covers the point (border included): 'inside', or 'near_border' when another
//    grid's border is within borderToleranceM (its ids go in neighbourGridIds);
// 2. no grid covers it but one is within nearestMaxM: 'nearest_grid', to the nearest;
// 3. inside a community's outline: 'dispatcher_queue' of that community (communityId and
//    its streetId), as the community knows its own ground best;
// 4. inside a street's polygon: 'dispatcher_queue' of that street (communityId null);
// 5. otherwise 'outside_service_area'.
// Step 2 comes before the dispatcher queues on purpose: a report across the boundary road,
// or with GPS error, still reaches a worker rather than waiting for a dispatcher.
// Every answer carries the map's generation, and a grid's answer that grid's version, so a
// routed record says which boundaries it was routed by (STYLE.md 7).
//
// Tie rule: a point on a shared border (within 1 mm, geo.ts ON_EDGE_M) goes to the grid
// with the lowest id (plain code-unit order, not locale order); the other grid is its
// neighbour. Equally near grids in step 2, and overlapping community outlines in step 3,
// also go to the lowest id.

export const routerConfigSchema = z
  .object(
    {
      // over a third of real points fall within 30 m of a border (DESIGN.md); below GPS
      // error the flag means little, far above it every report gets flagged
      borderToleranceM: z.number('边界容差必须是数字').finite('边界容差必须是数字').min(0, '边界容差不能为负数').max(500, '边界容差最多500米').default(DEFAULT_BORDER_TOLERANCE_M),
      // how far outside every grid a point still goes to the nearest grid, not a dispatcher
      nearestMaxM: z.number('最近网格距离必须是数字').finite('最近网格距离必须是数字').min(0, '最近网格距离不能为负数').max(5000, '最近网格距离最多5000米').default(200),
    },
    '分拨配置必须是对象',
  )
  // a point flagged near a grid must also count as near enough to be routed to it
  .refine((c) => c.nearestMaxM >= c.borderToleranceM, { path: ['nearestMaxM'], message: '最近网格距离不能小于边界容差' })
export type RouterConfig = z.infer<typeof routerConfigSchema>
export type RouterConfigInput = z.input<typeof routerConfigSchema>

export interface StreetArea { id: string; polygon: PolygonRings }
/** A community without an outline has no queue of its own here: its points fall to the street. */
export interface CommunityArea { id: string; streetId: string; geometry?: AreaGeometry }

/** Lookups per grid a router built from raw grids answers before building its cell table. */
export const LOOKUPS_PER_GRID_BEFORE_TABLE = 50

interface MapArea {
  communities: readonly CommunityArea[]
  streets: readonly StreetArea[]
  /** the grid map's generation these grids belong to, carried on every routing */
  generation: number
}
/** Either raw grids (indexed here) or an index loaded from a prebuilt file at cold start. */
export type RouterArea = MapArea & ({ grids: readonly GridSource[] } | { index: GridIndex })

export interface Router {
  route(point: LngLat): Routing
}

/**
 * Throws a ZodError on a bad config, and an Error naming the grid or community whose
 * geometry validateGeometry refuses: both are checked once at boot, before any report.
 */
export function createRouter(area: RouterArea, config?: RouterConfigInput): Router {
  const { borderToleranceM, nearestMaxM } = routerConfigSchema.parse(config ?? {})
  // A prebuilt index answers from its cell table when built for this tolerance or more,
  // else on the exact path. Built here from raw grids (a cold start, where a container
  // may route a single report), the router starts on the exact path and builds its table
  // only after enough lookups to repay it: ~5–15 µs per grid to build, ~0.5 µs saved per
  // lookup.
  let index = 'index' in area ? area.index : buildGridIndex(area.grids, { cellToleranceM: null })
  let lookupsBeforeTable = 'index' in area ? -1 : LOOKUPS_PER_GRID_BEFORE_TABLE * index.size
  const streets = area.streets.map((s) => ({ id: s.id, polygon: s.polygon, box: bboxOf(s.polygon) }))
  const communities = area.communities
    .filter((c) => c.geometry)
    .map((c) => {
      const problems = validateGeometry(c.geometry!)
      if (problems.length > 0) throw new Error(`router: community ${c.id} has an invalid geometry: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`)
      const rings = ringsOf(c.geometry!)
      return { id: c.id, streetId: c.streetId, rings, box: bboxOf(rings) }
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const mapGeneration = area.generation
  if (!Number.isSafeInteger(mapGeneration) || mapGeneration < 0) throw new Error(`router: the map generation must be a whole number ≥ 0, not ${String(mapGeneration)}`)

  const toGrid = (outcome: Routing['outcome'], grid: GridMatch, neighbours: GridMatch[]): Routing => ({
    outcome,
    gridId: grid.id,
    gridVersion: grid.version,
    mapGeneration,
    neighbourGridIds: neighbours.map((g) => g.id),
    distanceM: grid.distanceM,
    communityId: grid.communityId,
    streetId: grid.streetId,
  })
  const noGrid = (outcome: Routing['outcome'], communityId: string | null, streetId: string | null): Routing => ({
    outcome,
    gridId: null,
    gridVersion: 0,
    mapGeneration,
    neighbourGridIds: [],
    distanceM: 0,
    communityId,
    streetId,
  })

  return {
    route(point) {
      if (lookupsBeforeTable >= 0 && lookupsBeforeTable-- === 0) index = index.withCellTable(borderToleranceM)
      const { grid, near } = index.locate(point, borderToleranceM)
      if (grid) return toGrid(near.length > 0 ? 'near_border' : 'inside', grid, near)
      // anything within the tolerance is in `near`, nearest first, so near[0] is the nearest
      if (near.length > 0) return toGrid('nearest_grid', near[0], near.slice(1))
      const nearest = index.nearest(point, nearestMaxM)
      if (nearest) return toGrid('nearest_grid', nearest, [])
      const community = communities.find((c) => bboxContains(c.box, point) && coversPoint(point, c.rings))
      if (community) return noGrid('dispatcher_queue', community.id, community.streetId)
      const street = streets.find((s) => bboxContains(s.box, point) && coversPoint(point, s.polygon))
      return street ? noGrid('dispatcher_queue', null, street.id) : noGrid('outside_service_area', null, null)
    },
  }
}
