import type { BoardCase, GridBoard } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { roundToMetres } from '../../../shared/routing/geo'
import { BOARD_ROUND_M, type GridBoardInput } from '../../../shared/schemas/board'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { categoryName } from '../views'

// 办结公示: a grid's resolved cases, for neighbours to see that reports work. Anyone may read
// it, so a case shows only what is public (docs/privacy.md): its category, when, how long it
// took, the stars, a place rounded to 50 m, and before/after photos that passed content
// security. Not the owner's shortcut the case views take: here nobody sees an unreviewed
// photo, not even its uploader. No description, address, result text, person or id of one.

export type BoardDeps = Needs<'cases' | 'reference' | 'content' | 'photoLinks' | 'config'>

const DAY_MS = 24 * 60 * 60 * 1000

export async function gridBoard(deps: BoardDeps, _caller: User, input: GridBoardInput): Promise<Result<GridBoard>> {
  const grid = await deps.reference.getGrid(input.gridId)
  if (!grid) return fail(appError('NOT_FOUND', `网格 ${input.gridId} 不存在`, { gridId: '网格不存在' }))
  const [page, community] = await Promise.all([
    deps.cases.listResolvedForGrid(grid.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }),
    deps.reference.getCommunity(grid.communityId),
  ])
  const found = page.items.length ? await deps.cases.getReports(page.items.map((t) => t.reportId)) : []
  const reports = new Map(found.map((r) => [r.id, r]))
  const cases = page.items.flatMap((task) => {
    const report = reports.get(task.reportId)
    return report ? [{ task, report }] : []
  })
  const shown = await shownPhotos(deps, cases)
  return ok({
    gridId: grid.id, gridName: grid.name, communityName: community?.name ?? '',
    items: cases.map(({ task, report }) => boardCase(deps, task, report, shown)),
    nextCursor: page.nextCursor,
  })
}

interface Shown { before: Map<string, string>; after: Map<string, string> }

/** Per report id, the link of its first passed report photo (before) and first passed result photo (after): two calls for the page. */
async function shownPhotos(deps: Needs<'content' | 'photoLinks'>, cases: { task: Task; report: Report }[]): Promise<Shown> {
  const all = [...new Set(cases.flatMap(({ task, report }) => [...report.photos, ...(task.result?.photos ?? [])]))]
  const passed = all.length ? await deps.content.visiblePhotos(all) : new Set<string>()
  const firstPassed = (photos: string[] | undefined) => photos?.find((p) => passed.has(p)) ?? null
  const chosen = cases.map(({ task, report }) => ({ id: report.id, before: firstPassed(report.photos), after: firstPassed(task.result?.photos) }))
  const wanted = [...new Set(chosen.flatMap((c) => [c.before, c.after].filter((p): p is string => p !== null)))]
  const links = wanted.length ? await deps.photoLinks.links(wanted) : new Map<string, string>()
  const linked = (key: 'before' | 'after') => {
    const shown = new Map<string, string>()
    for (const c of chosen) {
      const photo = c[key]
      const link = photo ? links.get(photo) : undefined
      if (link) shown.set(c.id, link)
    }
    return shown
  }
  return { before: linked('before'), after: linked('after') }
}

function boardCase(deps: Needs<'config'>, task: Task, report: Report, shown: Shown): BoardCase {
  const resolvedAt = task.resolvedAt ?? task.result?.at ?? task.closedAt ?? task.updatedAt
  const rounded = roundToMetres(report.location, BOARD_ROUND_M)
  return {
    caseNumber: task.caseNumber,
    category: report.category,
    categoryName: categoryName(deps, report.category),
    reportedAt: report.createdAt,
    resolvedAt,
    tookWords: tookWords(resolvedAt - report.createdAt),
    before: shown.before.get(report.id) ?? null,
    after: shown.after.get(report.id) ?? null,
    location: { lng: rounded.lng, lat: rounded.lat },
    stars: report.rating?.stars ?? null,
  }
}

/** From report to resolution, in whole days a neighbour reads at a glance: "不到1天", "2天". */
export function tookWords(ms: number): string {
  if (ms < DAY_MS) return '不到1天'
  return `${Math.round(ms / DAY_MS)}天`
}
