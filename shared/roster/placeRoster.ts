import type { RosterProblem } from '../api'
import type { Community, Grid, Street } from '../model'
import { PLACE_NAME, ROLE_PLACE, ROSTER_COLUMNS } from './columns'
import type { RosterRow } from './parseRoster'

// Where each roster row places its person, from the codes of the map as it stands: a grid
// worker or leader in one or more grids (of one community: a staff record has one area, and
// the dispatchers of that area handle it), a dispatcher in one community or street. A grid
// has one leader, so two rows naming leaders for one grid is a problem of the file.

export interface PlacedRow extends RosterRow {
  gridIds: string[]
  communityId: string | null
  streetId: string
}

export interface RosterPlaces {
  grids: readonly Pick<Grid, 'id' | 'code' | 'name' | 'communityId' | 'streetId'>[]
  communities: readonly Pick<Community, 'id' | 'code' | 'name' | 'streetId'>[]
  streets: readonly Pick<Street, 'id' | 'code' | 'name'>[]
}

const CODES = ROSTER_COLUMNS.find((c) => c.field === 'codes')!.header

export function placeRoster(rows: readonly RosterRow[], places: RosterPlaces): { placed: PlacedRow[]; problems: RosterProblem[] } {
  const byCode = <T extends { code?: string }>(list: readonly T[]) => new Map(list.filter((x) => x.code).map((x) => [x.code!, x]))
  const grids = byCode(places.grids)
  const communities = byCode(places.communities)
  const streets = byCode(places.streets)
  const placed: PlacedRow[] = []
  const problems: RosterProblem[] = []
  const leaderRow = new Map<string, { row: number; name: string }>()

  for (const r of rows) {
    const problem = (message: string) => problems.push({ row: r.row, column: CODES, message })
    const kind = ROLE_PLACE[r.role]
    const unknown = r.codes.filter((c) => !(kind === 'grid' ? grids : kind === 'community' ? communities : streets).has(c))
    if (unknown.length > 0) {
      problem(`所属编码 ${unknown.join('、')} 不是系统中已有的${PLACE_NAME[kind]}：请先导入网格边界，或核对编码`)
      continue
    }
    if (kind === 'grid') {
      const own = r.codes.map((c) => grids.get(c)!)
      const communityIds = new Set(own.map((g) => g.communityId))
      if (communityIds.size > 1) {
        problem(`所属编码 ${r.codes.join('、')} 属于不同社区：一个人负责的多个网格应属于同一个社区`)
        continue
      }
      if (r.role === 'grid_leader') {
        const taken = own.find((g) => leaderRow.has(g.id))
        if (taken) {
          const first = leaderRow.get(taken.id)!
          problem(`${taken.name}（${taken.code}）在第${first.row}行已有网格长 ${first.name}：一个网格只有一位网格长`)
          continue
        }
        for (const g of own) leaderRow.set(g.id, { row: r.row, name: r.name })
      }
      placed.push({ ...r, gridIds: own.map((g) => g.id), communityId: own[0].communityId, streetId: own[0].streetId })
    } else if (kind === 'community') {
      const c = communities.get(r.codes[0])!
      placed.push({ ...r, gridIds: [], communityId: c.id, streetId: c.streetId })
    } else {
      placed.push({ ...r, gridIds: [], communityId: null, streetId: streets.get(r.codes[0])!.id })
    }
  }
  return { placed, problems }
}
