import type { CommunityListItem, CommunityMap, Me, PointPlace } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Grid, GridGeometry, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { bboxOf, ringsOf } from '../../../shared/routing/geo'
import type { CommunityMapInput, LocatePointInput, SetHomeGridInput } from '../../../shared/schemas/map'
import { me } from '../account/account'
import type { Needs } from '../ports'
import { DEFAULT_HOTLINE } from './contactCard'
import { pointPlace } from './pointPlace'

// The map a resident sees (GCJ-02 throughout, what WeChat's <Map> and getLocation use): the
// list of communities and their grids for a picker, one community drawn, which grid a point
// falls in, and the grid a person picks as theirs. The map and the list come from the map the
// router holds (a warm container has it already, checked against the generation), not from
// reading every grid again: in CloudBase that was one read per 1,000 grids a call.

/** Grids and communities in the order of their codes ("第2网格" before "第10网格"), by id without one. */
const byCode = (a: { code?: string; id: string; name: string }, b: { code?: string; id: string; name: string }) =>
  (a.code ?? a.id).localeCompare(b.code ?? b.id, 'en', { numeric: true }) || a.name.localeCompare(b.name, 'zh-Hans-CN')

export async function listCommunities(deps: Needs<'router'>, _caller: User): Promise<Result<CommunityListItem[]>> {
  const { communities, streets, grids } = await deps.router.currentMap()
  const streetName = new Map(streets.map((s) => [s.id, s.name]))
  const gridsOf = new Map<string, Grid[]>()
  for (const g of grids) gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), g])
  const streetOrder = new Map(streets.map((s, i) => [s.id, i]))
  return ok(
    [...communities]
      .sort((a, b) => (streetOrder.get(a.streetId) ?? 0) - (streetOrder.get(b.streetId) ?? 0) || byCode(a, b))
      .map((c) => ({
        id: c.id,
        name: c.name,
        streetName: streetName.get(c.streetId) ?? '',
        grids: (gridsOf.get(c.id) ?? []).sort(byCode).map((g) => ({ id: g.id, name: g.name })),
      })),
  )
}

export async function communityMap(deps: Needs<'reference' | 'router'>, _caller: User, input: CommunityMapInput): Promise<Result<CommunityMap>> {
  const map = await deps.router.currentMap()
  const community = map.communities.find((c) => c.id === input.communityId)
  if (!community) return fail(appError('NOT_FOUND', '该社区不存在或已从网格地图中删除', { communityId: '该社区不存在或已从网格地图中删除' }))
  const street = map.streets.find((s) => s.id === community.streetId)
  const all = map.grids
  const grids = all.filter((g) => g.communityId === community.id).sort(byCode)
  const leaders = await deps.reference.getUsers(grids.flatMap((g) => (g.leaderId ? [g.leaderId] : [])))
  const leaderName = new Map(leaders.map((u) => [u.id, u.name]))
  const drawn: GridGeometry[] = [...(community.geometry ? [community.geometry] : []), ...grids.map((g) => g.geometry)]
  return ok({
    community: { id: community.id, name: community.name, streetName: street?.name ?? '', hotline: street?.hotline ?? DEFAULT_HOTLINE, geometry: community.geometry ?? null },
    grids: grids.map((g) => ({ id: g.id, name: g.name, geometry: g.geometry, leaderName: (g.leaderId && leaderName.get(g.leaderId)) || null })),
    // a community with neither outline nor grids is drawn as its street
    bbox: bboxOfAll(drawn.length > 0 ? drawn : street ? [{ type: 'Polygon', coordinates: street.polygon }] : []),
  })
}

function bboxOfAll(geometries: GridGeometry[]): CommunityMap['bbox'] {
  if (geometries.length === 0) return [0, 0, 0, 0]
  const box = bboxOf(geometries.flatMap((g) => [...ringsOf(g)]))
  return [box.minLng, box.minLat, box.maxLng, box.maxLat]
}

export async function locatePoint(deps: Needs<'reference' | 'router'>, _caller: User, input: LocatePointInput): Promise<Result<PointPlace>> {
  const routing = await deps.router.route(input.location)
  const [grid, community, street, neighbours] = await Promise.all([
    routing.gridId ? deps.reference.getGrid(routing.gridId) : null,
    routing.communityId ? deps.reference.getCommunity(routing.communityId) : null,
    // the street's name only when its queue takes the report; its hotline only when nobody's does
    routing.outcome === 'dispatcher_queue' && !routing.communityId && routing.streetId ? deps.reference.getStreet(routing.streetId) : null,
    Promise.all(routing.neighbourGridIds.map((id) => deps.reference.getGrid(id))),
  ])
  const hotline = routing.outcome === 'outside_service_area' ? ((await deps.reference.listStreets())[0]?.hotline ?? DEFAULT_HOTLINE) : DEFAULT_HOTLINE
  return ok(pointPlace(routing, {
    gridName: grid?.name ?? null,
    communityName: community?.name ?? null,
    streetName: street?.name ?? null,
    neighbourGridNames: neighbours.flatMap((g) => (g ? [g.name] : [])),
    hotline,
  }))
}

/**
 * A resident's or volunteer's own choice of grid (null clears it); answers who they now are.
 * The choice replaces the address a verified declaration gave: the card no longer names it.
 */
export async function setHomeGrid(deps: Needs<'reference'>, caller: User, input: SetHomeGridInput): Promise<Result<Me>> {
  if (input.gridId !== null && !(await deps.reference.getGrid(input.gridId))) {
    return fail(appError('VALIDATION', '所选网格不存在，请重新选择', { gridId: '所选网格不存在，请重新选择' }))
  }
  const { homeAddress: _address, ...rest } = caller
  const updated: User = { ...rest, homeGridId: input.gridId ?? undefined }
  if (input.gridId === null) delete updated.homeGridId
  await deps.reference.saveUsers([updated])
  return me(deps, updated)
}
