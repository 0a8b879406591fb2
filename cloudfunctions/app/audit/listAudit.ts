import type { AuditView, Page } from '../../../shared/api'
import { REVEALABLE_FIELD_NAMES } from '../../../shared/declarations/words'
import type { AuditEntry, User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { ROLE_NAMES } from '../../../shared/roles'
import type { PageInput } from '../../../shared/schemas/report'
import { gridNameOf, mapNames } from '../declarations/place'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'

// 审计日志: every number read whole, newest first, for the district office (区网格办) to see
// who looked at whose what and why. Read only: the port has no way to change an entry.

const ACTION_NAMES: Readonly<Record<AuditEntry['action'], string>> = { reveal: '查看完整号码' }

export async function listAudit(deps: Needs<'audit' | 'router'>, _caller: User, input: PageInput): Promise<Result<Page<AuditView>>> {
  const [page, names] = await Promise.all([deps.audit.list({ cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }), mapNames(deps)])
  return ok({
    items: page.items.map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actorName,
      actorRoleName: ROLE_NAMES[e.actorRole],
      actionName: ACTION_NAMES[e.action],
      fieldName: REVEALABLE_FIELD_NAMES[e.field],
      personName: e.personName,
      declarationId: e.declarationId,
      addressLabel: e.addressLabel ?? '',
      gridName: gridNameOf(names, e.gridId),
      reason: e.reason,
    })),
    nextCursor: page.nextCursor,
  })
}
