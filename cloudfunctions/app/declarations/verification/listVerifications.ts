import type { Page, VerificationSummary } from '../../../../shared/api'
import { DECLARATION_KIND_NAMES, DECLARATION_STATUS_NAMES } from '../../../../shared/declarations/words'
import type { User } from '../../../../shared/model'
import { ok, type Result } from '../../../../shared/result'
import type { PageInput } from '../../../../shared/schemas/report'
import type { Needs } from '../../ports'
import { DEFAULT_PAGE } from '../../reports/readReports'
import { gridNameOf, mapNames } from '../place'
import { isOverdue } from '../views'
import { duplicatesOf, flaggedPersons } from './duplicates'

// 待核查: the open declarations of the caller's grids, and those handed to them as the
// substitute of a worker on leave, earliest deadline first, as the worker's inbox lists tasks.

export async function listVerifications(deps: Needs<'declarations' | 'router' | 'clock'>, caller: User, input: PageInput): Promise<Result<Page<VerificationSummary>>> {
  const page = await deps.declarations.listOpen(caller.gridIds, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }, caller.id)
  const [flags, names] = await Promise.all([duplicatesOf(deps, page.items), mapNames(deps)])
  const now = deps.clock.now()
  return ok({
    items: page.items.map((d) => ({
      id: d.id,
      kind: d.kind,
      kindName: DECLARATION_KIND_NAMES[d.kind],
      addressLabel: d.addressLabel,
      gridName: gridNameOf(names, d.gridId),
      personCount: d.persons.length,
      status: d.status,
      statusName: DECLARATION_STATUS_NAMES[d.status],
      dueAt: d.dueAt,
      overdue: isOverdue(d, now),
      createdAt: d.createdAt,
      duplicateCount: flaggedPersons(flags.get(d.id) ?? []),
    })),
    nextCursor: page.nextCursor,
  })
}
