import type * as z from 'zod'
import { CONSENT } from '../../../shared/declarations/consent'
import { DECLARATION_STATUS_NAMES, maskName } from '../../../shared/declarations/words'
import { appError, type AppError } from '../../../shared/errors'
import { shanghaiToday, type CalendarDay } from '../../../shared/identity/calendarDate'
import type { DeclaredPerson } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { declarationSchemas, type PersonInput } from '../../../shared/schemas/declaration'
import { parseWith } from '../../../shared/schemas/messages'
import { declareOnBehalfSchemaFor } from '../../../shared/schemas/onBehalf'
import type { Clock, Needs } from '../ports'
import { seal } from './seal'
import { isOpenDeclaration } from './views'

// The checks a declaration's form passes before anything is stored, shared by declare, amend
// and move-out: the form again against the server's clock, the consent version, one person
// twice, and the same ID already in the room.

const formsFor = (today: () => CalendarDay) => ({ ...declarationSchemas(today), declareOnBehalf: declareOnBehalfSchemaFor(today) })
type Forms = ReturnType<typeof formsFor>
export type FormOf<K extends keyof Forms> = z.output<Forms[K]>

// Built once per clock (zod schemas are costly to build, cheap to run): "today" is asked of
// the clock at each check, so a host running for days still sees the right day.
const built = new WeakMap<Clock, Forms>()
function schemasFor(clock: Clock): Forms {
  let forms = built.get(clock)
  if (!forms) built.set(clock, (forms = formsFor(() => shanghaiToday(clock.now()))))
  return forms
}

export const CONSENT_OUTDATED = '告知书已更新，请重新阅读并同意'

/**
 * The form once more with "today" from the deps clock (dispatch parsed it against the real
 * day; the movable clock decides here), with the consent version and repeated ID numbers in
 * the payload: every problem in one VALIDATION, each under its field.
 */
export function checkForm<K extends keyof Forms>(deps: Needs<'clock'>, kind: K, input: { consentVersion: string }): Result<FormOf<K>> {
  const schema = schemasFor(deps.clock)[kind] as unknown as z.ZodType<FormOf<K>>
  const parsed = parseWith(schema, input)
  const fields: Record<string, string> = parsed.ok ? {} : { ...parsed.error.fields }
  if (input.consentVersion !== CONSENT.version) fields.consentVersion = CONSENT_OUTDATED
  const persons = parsed.ok ? (parsed.value as { persons?: PersonInput[] }).persons : undefined
  if (persons) Object.assign(fields, repeatedIds(persons))
  const first = Object.values(fields)[0]
  if (first) return fail(appError('VALIDATION', first, fields))
  if (!parsed.ok) return fail(parsed.error)
  return ok(parsed.value)
}

/** A person listed twice: the later one is named, with the one it repeats. */
function repeatedIds(persons: PersonInput[]): Record<string, string> {
  const fields: Record<string, string> = {}
  const seen = new Map<string, number>()
  persons.forEach((p, j) => {
    const i = seen.get(p.document.idNumber)
    if (i === undefined) seen.set(p.document.idNumber, j)
    else fields[`persons.${j}.document.idNumber`] = `证件号码与第${i + 1}位居住人相同，同一人只需填写一次`
  })
  return fields
}

/** The same ID held at another room: the record there, whose grid's staff are told and whose verification shows the flag. */
export interface Elsewhere { gridId: string; declarationId: string; personName: string }

export interface SealedPersons { persons: DeclaredPerson[]; elsewhere: Elsewhere[] }

/**
 * The people of a move-in for a room: refused (CONFLICT naming the record) when one of them is
 * a current resident of the room or in another open declaration of it; the same ID at another
 * room is allowed and returned in `elsewhere`. `ownId` is the declaration these persons are
 * for (a retried create, an amendment), which never conflicts with itself. Each number is
 * sealed: the plain value goes no further than this request.
 */
export async function sealRoomPersons(deps: Needs<'cipher' | 'declarations' | 'ids'>, roomId: string, persons: PersonInput[], ownId: string): Promise<Result<SealedPersons>> {
  const indexes = await Promise.all(persons.map(async (p) => new Set(await deps.cipher.blindIndexes('idNumber', p.document.idNumber))))
  const matches = await deps.declarations.findByIdIndexes([...new Set(indexes.flatMap((s) => [...s]))])
  const others = matches.declarations.filter((d) => d.id !== ownId && isOpenDeclaration(d))
  const fields: Record<string, string> = {}
  let existing: AppError['existing']
  const elsewhere = new Map<string, Elsewhere>()
  persons.forEach((_, i) => {
    const held = indexes[i]
    const field = `persons.${i}.document.idNumber`
    for (const r of matches.residents.filter((x) => held.has(x.idNumber.index))) {
      if (r.roomId !== roomId) elsewhere.set(r.declarationId, { gridId: r.gridId, declarationId: r.declarationId, personName: r.name })
      else if (!fields[field]) {
        fields[field] = `该证件号码已登记在本户（${maskName(r.name)}，已核验）`
        existing ??= { kind: 'resident', id: r.id }
      }
    }
    for (const d of others) {
      const p = d.persons.find((x) => held.has(x.idNumber.index))
      if (!p) continue
      if (d.roomId !== roomId) elsewhere.set(d.id, { gridId: d.gridId, declarationId: d.id, personName: p.name })
      else if (!fields[field]) {
        fields[field] = `该证件号码已在本户的另一份申报中（${maskName(p.name)}，${DECLARATION_STATUS_NAMES[d.status]}）`
        existing ??= { kind: 'declaration', id: d.id }
      }
    }
  })
  const first = Object.values(fields)[0]
  if (first) return fail({ ...appError('CONFLICT', first, fields), ...(existing ? { existing } : {}) })
  return ok({ persons: await Promise.all(persons.map((p) => sealPerson(deps, p))), elsewhere: [...elsewhere.values()] })
}

async function sealPerson(deps: Needs<'cipher' | 'ids'>, p: PersonInput): Promise<DeclaredPerson> {
  const [idNumber, phone] = await Promise.all([seal(deps.cipher, 'idNumber', p.document.idNumber), p.phone ? seal(deps.cipher, 'phone', p.phone) : null])
  return { id: deps.ids.next('p'), name: p.name, idKind: p.document.idKind, idNumber, phone, relation: p.relation, moveInDate: p.moveInDate }
}
