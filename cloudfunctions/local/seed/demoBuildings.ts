import type { Community, Grid, LngLat } from '../../../shared/model'

// The demo street's building registry, as a community office would send it: a CSV with a
// building at each point given for a grid (two a grid in the seed), each of two units, six
// floors and two rooms a floor (24 rooms). Deterministic: the same points give the same file.

const FLOORS = 6
const PER_FLOOR = 2
const UNITS = ['1单元', '2单元']
export const DEMO_BUILDINGS_PER_GRID = 2

export function demoBuildingsCsv(communities: readonly Pick<Community, 'id' | 'code' | 'name'>[], grids: readonly Pick<Grid, 'id' | 'communityId'>[], points: ReadonlyMap<string, LngLat[]>): string {
  const lines = ['社区编码,楼栋,单元,房号,经度,纬度,地址']
  for (const c of communities) {
    let n = 0
    for (const g of grids.filter((x) => x.communityId === c.id)) {
      for (const at of points.get(g.id) ?? []) {
        n += 1
        const name = `${n}栋`
        for (const unit of UNITS) {
          for (let floor = 1; floor <= FLOORS; floor++) {
            for (let r = 1; r <= PER_FLOOR; r++) lines.push([c.code, name, unit, `${floor}0${r}`, at.lng.toFixed(6), at.lat.toFixed(6), `${c.name}${name}`].join(','))
          }
        }
      }
    }
  }
  return lines.join('\n')
}
