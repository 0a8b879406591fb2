import type { CoordinateSystem } from '../../../shared/gridImport/coordinates'
import { mapWarnings, type MapWarning, type WarningGrid } from '../../../shared/gridImport/mapWarnings'
import { validateImport, type ImportedGrid, type ImportProblem } from '../../../shared/gridImport/validateImport'
import type { Community, Grid } from '../../../shared/model'
import type { Needs } from '../ports'

// Importing the grid map (网格划分): a dry run first (what would be added, changed, left
// alone and removed, and every problem of the file), then all or nothing in one write that
// moves the map's generation, so routers reload and new reports follow the new borders
// while old ones keep the generation and version they were routed with. Grids are matched
// on their code; a changed boundary or name gets a new version, and a grid keeps its staff.
// Warnings (overlaps, gaps: mapWarnings.ts) come with the dry run and never block the import.

export interface ImportPlan { added: string[]; changed: string[]; unchanged: string[]; removed: string[] }
export interface ImportOutcome {
  applied: boolean
  problems: ImportProblem[]
  /** overlaps and gaps of the map the import makes, with their area: advice, not a refusal */
  warnings: MapWarning[]
  plan: ImportPlan
  /** the map generation the import created (null for a dry run or a refused file) */
  generation: number | null
}

export interface ImportRequest {
  geojson: unknown
  /** the coordinate system of the file; converted to GCJ-02 (WeChat's) on import */
  from: CoordinateSystem
  /** false: a dry run that writes nothing */
  apply: boolean
}


const sameShape = (a: Grid, b: Pick<Grid, 'name' | 'geometry'>) => a.name === b.name && JSON.stringify(a.geometry) === JSON.stringify(b.geometry)

export async function importGrids(deps: Needs<'reference'>, req: ImportRequest): Promise<ImportOutcome> {
  const [communities, existing] = await Promise.all([deps.reference.listCommunities(), deps.reference.listGrids()])
  const { grids: imported, problems } = validateImport(req.geojson, communities, req.from)
  const communityByCode = new Map(communities.filter((c) => c.code).map((c) => [c.code!, c]))
  const byCode = new Map(existing.filter((g) => g.code).map((g) => [g.code!, g]))
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], removed: [] }
  const writes: Grid[] = []
  for (const g of imported) {
    const community = communityByCode.get(g.communityCode)!
    const before = byCode.get(g.code)
    if (before && sameShape(before, g) && before.communityId === community.id) {
      plan.unchanged.push(g.code)
      continue
    }
    if (before) plan.changed.push(g.code)
    else plan.added.push(g.code)
    writes.push({
      id: before?.id ?? `g-${g.code}`, code: g.code, name: g.name, communityId: community.id, streetId: community.streetId,
      geometry: g.geometry, version: (before?.version ?? 0) + 1, workerIds: before?.workerIds ?? [], ...(before?.leaderId ? { leaderId: before.leaderId } : {}),
    })
  }
  // The file is the whole map of each community it covers: their grids it leaves out go.
  const covered = new Set(imported.map((g) => communityByCode.get(g.communityCode)!.id))
  const inFile = new Set(imported.map((g) => g.code))
  const removed = existing.filter((g) => covered.has(g.communityId) && !(g.code && inFile.has(g.code)))
  plan.removed = removed.map((g) => g.code ?? g.id)
  const warnings = mapWarnings(mapAfter(imported, existing, covered, communities), communities)
  if (problems.length > 0 || !req.apply) return { applied: false, problems, warnings, plan, generation: null }
  const generation = await deps.reference.saveMap({ grids: writes, removedGridIds: removed.map((g) => g.id) })
  return { applied: true, problems, warnings, plan, generation }
}

/** The map as the import leaves it: the file's grids, and the grids of communities it does not cover. */
function mapAfter(imported: ImportedGrid[], existing: Grid[], covered: Set<string>, communities: Community[]): WarningGrid[] {
  const codeById = new Map(communities.map((c) => [c.id, c.code ?? '']))
  return [
    ...imported,
    ...existing.filter((g) => !covered.has(g.communityId)).map((g) => ({ code: g.code ?? g.id, name: g.name, communityCode: codeById.get(g.communityId) ?? '', geometry: g.geometry, feature: null })),
  ]
}
