import type { DuplicateFlag } from '../../../../shared/api'
import { DECLARATION_STATUS_NAMES, maskName } from '../../../../shared/declarations/words'
import type { Declaration, Message } from '../../../../shared/model'
import type { Needs } from '../../ports'
import { gridDuty } from '../../recipients'
import { message } from '../../records'
import type { Elsewhere } from '../personChecks'
import { communityNameOf, gridNameOf, mapNames } from '../place'
import { addressLabels, isOpenDeclaration } from '../views'

// The same ID at two addresses (docs/privacy.md "Duplicates"): allowed, since people move and
// landlords declare late, but both grids' workers are told, without either seeing the number.
// The flag is found again at every read from the stored blind indexes, so it appears and
// disappears with the records themselves; the message goes once, when the second arrives.

/** Each declaration's flags (by id): its persons whose ID a current resident or an open declaration of another room also holds. */
export async function duplicatesOf(deps: Needs<'declarations' | 'router'>, declarations: Declaration[]): Promise<Map<string, DuplicateFlag[]>> {
  // an anonymised person keeps no index: nothing to match
  const indexes = [...new Set(declarations.flatMap((d) => d.persons.map((p) => p.idNumber.index)).filter((x) => x !== ''))]
  const flags = new Map<string, DuplicateFlag[]>(declarations.map((d) => [d.id, []]))
  if (indexes.length === 0) return flags
  const [matches, names] = await Promise.all([deps.declarations.findByIdIndexes(indexes), mapNames(deps)])
  const labels = await addressLabels(deps, matches.residents)
  const place = (communityId: string, label: string) => `${communityNameOf(names, communityId)}${label}`
  for (const d of declarations) {
    const list = flags.get(d.id)!
    for (const p of d.persons) {
      if (p.idNumber.index === '') continue
      const seen = new Set<string>()
      const add = (roomId: string, flag: DuplicateFlag) => {
        if (roomId === d.roomId || seen.has(roomId)) return
        seen.add(roomId)
        list.push(flag)
      }
      for (const r of matches.residents.filter((x) => x.idNumber.index === p.idNumber.index)) {
        add(r.roomId, { personId: p.id, addressLabel: place(r.communityId, labels.get(r.roomId) ?? ''), gridName: gridNameOf(names, r.gridId), statusName: DECLARATION_STATUS_NAMES.verified })
      }
      for (const o of matches.declarations.filter((x) => x.id !== d.id && isOpenDeclaration(x) && x.persons.some((q) => q.idNumber.index === p.idNumber.index))) {
        add(o.roomId, { personId: p.id, addressLabel: place(o.communityId, o.addressLabel), gridName: gridNameOf(names, o.gridId), statusName: DECLARATION_STATUS_NAMES[o.status] })
      }
    }
  }
  return flags
}

/** How many of a declaration's persons are flagged. */
export const flaggedPersons = (flags: DuplicateFlag[]) => new Set(flags.map((f) => f.personId)).size

/** 'declaration_duplicate' to the staff of each other grid holding one of the new declaration's IDs, pointing at their own record. */
export async function duplicateMessages(deps: Needs<'reference' | 'router' | 'ids' | 'clock'>, d: Declaration, elsewhere: Elsewhere[]): Promise<Message[]> {
  if (elsewhere.length === 0) return []
  const names = await mapNames(deps)
  const where = `${communityNameOf(names, d.communityId)}${d.addressLabel}`
  const now = deps.clock.now()
  const messages: Message[] = []
  for (const gridId of new Set(elsewhere.map((e) => e.gridId))) {
    const grid = names.grids.get(gridId)
    if (!grid) continue
    const { recipientIds } = await gridDuty(deps, grid, now)
    for (const e of elsewhere.filter((x) => x.gridId === gridId)) {
      const body = `${maskName(e.personName)}的证件号码也出现在${where}的新申报中，请核实其实际居住地`
      for (const userId of recipientIds) messages.push(message(deps, userId, 'declaration_duplicate', '疑似重复登记', body, { declarationId: e.declarationId }))
    }
  }
  return messages
}
