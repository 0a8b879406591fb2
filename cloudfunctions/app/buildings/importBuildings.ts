import type { BuildingImportResult, CsvProblem } from '../../../shared/api'
import { parseBuildings } from '../../../shared/buildings/parseBuildings'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { importBuildingsSchema, type ImportBuildingsInput } from '../../../shared/schemas/admin'
import { withImportText } from '../importText'
import type { Needs } from '../ports'
import { communityOf, placementProblem, planBuildings, type PlacedBuilding } from './buildingPlan'

// Importing the building registry (楼栋房屋, docs/import.md): the file checked row by row,
// each building placed in its community and routed to its grid on the map as it stands, a
// dry run first (buildings added, changed, unchanged; rooms added and removed), then all or
// nothing: nothing is written while any problem remains. Ids come from what the file says
// (ids.ts), so running the same file twice changes nothing.

export async function importBuildings(deps: Needs<'buildings' | 'reference' | 'router' | 'importTexts'>, _caller: User, input: ImportBuildingsInput): Promise<Result<BuildingImportResult>> {
  const sized = await withImportText(deps, importBuildingsSchema, input, { path: 'csv', label: '楼栋房屋文件' })
  if (!sized.ok) return sized
  const parsed = parseBuildings(sized.value.csv)
  // the map the buildings are routed against below, not a second read of every grid
  const { communities, grids } = await deps.router.currentMap()
  const byCode = new Map(communities.filter((c) => c.code).map((c) => [c.code!, c]))
  const gridName = (id: string) => grids.find((g) => g.id === id)?.name ?? id
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? '其他社区'

  const problems: CsvProblem[] = [...parsed.problems]
  const placed: PlacedBuilding[] = []
  for (const b of parsed.buildings) {
    const found = communityOf(b, byCode)
    if ('problem' in found) {
      problems.push(found.problem)
      continue
    }
    const p = { parsed: b, community: found.community, routing: await deps.router.route(b.location) }
    const problem = placementProblem(p, gridName, communityName)
    if (problem) problems.push(problem)
    else placed.push(p)
  }
  const communityIds = [...new Set(placed.map((p) => p.community.id))]
  const before = (await Promise.all(communityIds.map((communityId) => deps.buildings.listBuildings({ communityId })))).flat()
  const write = planBuildings(placed, before)
  problems.sort((a, b) => a.row - b.row)
  if (problems.length > 0 || !input.apply) return ok({ applied: false, problems, plan: write.plan })
  if (write.buildings.length > 0) await deps.buildings.saveImport(write.buildings)
  return ok({ applied: true, problems: [], plan: write.plan })
}
