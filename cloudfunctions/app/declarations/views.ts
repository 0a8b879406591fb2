import type { DeclarationEventView, DeclarationView, PersonView, ResidentView } from '../../../shared/api'
import {
  DECLARATION_KIND_NAMES, DECLARATION_STATUS_NAMES, OPEN_DECLARATION_STATUSES, RELATION_NAMES, REVIEW_DECISION_NAMES, STANDING_NAMES,
} from '../../../shared/declarations/words'
import { ID_KIND_NAMES } from '../../../shared/identity/idDocuments'
import type { Declaration, DeclarationEvent, DeclaredPerson, Resident } from '../../../shared/model'
import type { Needs } from '../ports'
import { onBehalfMasked } from '../reports/onBehalfView'
import { communityNameOf, gridNameOf, mapNames, type MapNames } from './place'

// Declarations and register records → what a screen shows: the declarant's and the worker's
// views of one declaration are the same words, and no view carries more of a number than its
// masked form (docs/privacy.md "What screens show").

export const isOpenDeclaration = (d: Pick<Declaration, 'status'>) => OPEN_DECLARATION_STATUSES.includes(d.status)
/** Past its verification deadline (which only an open declaration has). */
export const isOverdue = (d: Pick<Declaration, 'dueAt'>, now: number) => d.dueAt !== null && now > d.dueAt

const EVENT_NAMES: Readonly<Record<DeclarationEvent['action'], string>> = { submitted: '提交申报', amended: '补充后重新提交', withdrawn: '撤回', ...REVIEW_DECISION_NAMES }

type Person = Pick<DeclaredPerson, 'id' | 'name' | 'idKind' | 'idNumber' | 'phone' | 'relation' | 'moveInDate'>

export function personView(p: Person): PersonView {
  return {
    id: p.id,
    name: p.name,
    idKindName: ID_KIND_NAMES[p.idKind],
    idNumberMasked: p.idNumber.masked,
    phoneMasked: p.phone?.masked ?? null,
    relation: p.relation,
    relationName: RELATION_NAMES[p.relation],
    moveInDate: p.moveInDate,
  }
}

const eventView = (e: DeclarationEvent): DeclarationEventView => ({ at: e.at, actorName: e.actorName, actionName: EVENT_NAMES[e.action], ...(e.note ? { note: e.note } : {}) })

export function declarationView(d: Declaration, names: MapNames, now: number): DeclarationView {
  return {
    id: d.id,
    kind: d.kind,
    kindName: DECLARATION_KIND_NAMES[d.kind],
    roomId: d.roomId,
    addressLabel: d.addressLabel,
    communityName: communityNameOf(names, d.communityId),
    gridName: gridNameOf(names, d.gridId),
    standing: d.standing,
    standingName: STANDING_NAMES[d.standing],
    persons: d.persons.map(personView),
    ...(d.moveOutDate ? { moveOutDate: d.moveOutDate } : {}),
    status: d.status,
    statusName: DECLARATION_STATUS_NAMES[d.status],
    review: d.review ? { decisionName: REVIEW_DECISION_NAMES[d.review.decision], ...(d.review.reason ? { reason: d.review.reason } : {}), byName: d.review.byName, at: d.review.at } : null,
    dueAt: d.dueAt,
    overdue: isOverdue(d, now),
    history: d.history.map(eventView),
    consentVersion: d.consentVersion,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    onBehalf: d.onBehalf ? onBehalfMasked(d.onBehalf) : null,
  }
}

export async function declarationViews(deps: Needs<'router' | 'clock'>, declarations: Declaration[]): Promise<DeclarationView[]> {
  const names = await mapNames(deps)
  const now = deps.clock.now()
  return declarations.map((d) => declarationView(d, names, now))
}

export function residentView(r: Resident, addressLabel: string): ResidentView {
  return {
    ...personView(r),
    roomId: r.roomId,
    addressLabel,
    buildingId: r.buildingId,
    standingName: STANDING_NAMES[r.standing],
    verifiedAt: r.verifiedAt,
    movedOut: r.movedOut ? { date: r.movedOut.date, at: r.movedOut.at } : null,
  }
}

/** Residents with their rooms' labels, which the declarations that moved them in carry (one read for all). */
export async function residentViews(deps: Needs<'declarations'>, residents: Resident[]): Promise<ResidentView[]> {
  const labels = await addressLabels(deps, residents)
  return residents.map((r) => residentView(r, labels.get(r.roomId) ?? ''))
}

/** Room id → its label, from the declarations that moved these residents in. */
export async function addressLabels(deps: Needs<'declarations'>, residents: Resident[]): Promise<Map<string, string>> {
  const ids = [...new Set(residents.map((r) => r.declarationId))]
  const declarations = ids.length > 0 ? await deps.declarations.getMany(ids) : []
  return new Map(declarations.map((d) => [d.roomId, d.addressLabel]))
}
