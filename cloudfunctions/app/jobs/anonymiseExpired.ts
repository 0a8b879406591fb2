import type { Declaration, DeclaredPerson, Resident } from '../../../shared/model'
import { ERASED } from '../declarations/seal'
import type { Deps } from '../ports'
import type { JobResult } from './job'

// Retention (docs/privacy.md "Retention"): what has ended is kept `retentionDays` and then
// anonymised: a resident whose move-out was verified, with the person in the declarations
// that moved them in and out; a declaration rejected or withdrawn, every person of it. The
// name becomes 已匿名 and the ID and phone go (ciphertext, blind index, mask); rooms, grids
// and dates stay for the statistics, and the audit log stays whole. An anonymised record is
// no longer expired, so a second run finds nothing.

/** Records per batch: one store write each, well inside a 60 s timer run. */
export const ANONYMISE_BATCH = 100
const DAY_MS = 86_400_000
export const ANONYMOUS_NAME = '已匿名'

/** 代申报's resident goes with the people: the answer was given back long before (the history still says 代申报). */
const withoutOnBehalf = ({ onBehalf: _contact, ...d }: Declaration): Declaration => d
const anonymous = <P extends Pick<DeclaredPerson, 'name' | 'idNumber' | 'phone'>>(p: P): P => ({ ...p, name: ANONYMOUS_NAME, idNumber: ERASED, phone: null })

export async function anonymiseExpired(deps: Deps, now: number, batch = ANONYMISE_BATCH): Promise<JobResult> {
  const before = now - deps.config.declarations.retentionDays * DAY_MS
  const expired = await deps.declarations.listExpired(before, batch)
  if (expired.residents.length === 0 && expired.declarations.length === 0) return { changed: 0, more: false }
  const residents: Resident[] = expired.residents.map((r) => ({ ...anonymous(r), anonymisedAt: now }))
  const leaving = new Set(residents.map((r) => r.id))
  const carrierIds = [...new Set(expired.residents.flatMap((r) => [r.declarationId, ...(r.movedOut ? [r.movedOut.declarationId] : [])]))]
  const declarations = new Map<string, Declaration>()
  for (const d of await deps.declarations.getMany(carrierIds)) {
    declarations.set(d.id, { ...withoutOnBehalf(d), persons: d.persons.map((p) => (leaving.has(p.id) ? anonymous(p) : p)) })
  }
  for (const d of expired.declarations) {
    const base = declarations.get(d.id) ?? d
    declarations.set(d.id, { ...withoutOnBehalf(base), persons: base.persons.map(anonymous), anonymisedAt: now })
  }
  await deps.declarations.saveAnonymised({ residents, declarations: [...declarations.values()] })
  return { changed: residents.length + expired.declarations.length, more: expired.residents.length === batch || expired.declarations.length === batch }
}
