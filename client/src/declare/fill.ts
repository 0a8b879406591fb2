import type { DeclarationView, HouseholdView, PayloadOf } from '../../../shared/api'
import { CONSENT } from '../../../shared/declarations/consent'
import type { Relation, Standing } from '../../../shared/declarations/words'
import { ID_KIND_NAMES, ID_KINDS, type IdKind } from '../../../shared/identity/idDocuments'

// The declaration form as the person fills it (what the draft keeps), and the payloads made
// from it. Fields hold what was typed; the shared schema makes the stored forms.

/** The room chosen, with the words to show it again without asking the server. */
export interface AddressChoice {
  roomId: string
  communityName: string
  /** "3栋2单元301" (the server's addressLabel: building + unit + room) */
  label: string
}

export interface PersonFill {
  /** React's key for the card, stable while cards are added and removed */
  key: string
  name: string
  idKind: IdKind
  idNumber: string
  phone: string
  relation: Relation | ''
  moveInDate: string
  /** amend: what the declaration holds, masked, so the person knows whose number to type again */
  was?: { idNumberMasked: string; phoneMasked: string | null }
}

export interface DeclareFill {
  address: AddressChoice | null
  standing: Standing | ''
  persons: PersonFill[]
}

let keys = 0
const newKey = () => `p${Date.now().toString(36)}${(keys += 1)}`

export const emptyPerson = (): PersonFill => ({ key: newKey(), name: '', idKind: 'resident', idNumber: '', phone: '', relation: '', moveInDate: '' })

export const emptyFill = (address: AddressChoice | null = null): DeclareFill => ({ address, standing: '', persons: [emptyPerson()] })

/** Nothing typed or picked beyond what the page itself prefilled: not worth a draft. */
export const isBlank = (f: DeclareFill) =>
  !f.standing && f.persons.every((p) => !p.name && !p.idNumber && !p.phone && !p.relation && !p.moveInDate)

/** Those who live in the room they declare for stand first as 本人; a landlord declares others. */
export function withStanding(f: DeclareFill, standing: Standing): DeclareFill {
  const [first, ...rest] = f.persons
  if (!first) return { ...f, standing }
  const relation = standing === 'landlord' ? (first.relation === 'self' ? '' : first.relation) : first.relation || 'self'
  return { ...f, standing, persons: [{ ...first, relation }, ...rest] }
}

const personPayload = (p: PersonFill) => ({
  name: p.name,
  document: { idKind: p.idKind, idNumber: p.idNumber },
  // a child may have no phone: an empty field is no phone, not an empty one
  phone: p.phone.trim() ? p.phone : undefined,
  relation: p.relation || undefined,
  moveInDate: p.moveInDate,
})

type DeclarePayload = PayloadOf<'resident', 'declareResidence'>
type AmendPayload = PayloadOf<'resident', 'amendDeclaration'>

/** What the schema checks; unpicked choices go as missing so the schema's "请选择…" speaks. */
export const declarePayload = (f: DeclareFill): DeclarePayload => ({
  roomId: f.address?.roomId ?? '',
  standing: (f.standing || undefined) as Standing,
  persons: f.persons.map(personPayload) as DeclarePayload['persons'],
  consentVersion: CONSENT.version,
})

export const amendPayload = (f: DeclareFill, d: Pick<DeclarationView, 'id' | 'version'>): AmendPayload => ({
  declarationId: d.id,
  version: d.version,
  standing: (f.standing || undefined) as Standing,
  persons: f.persons.map(personPayload) as AmendPayload['persons'],
  consentVersion: CONSENT.version,
})

const kindOfName = (name: string): IdKind => ID_KINDS.find((k) => ID_KIND_NAMES[k] === name) ?? 'resident'

/**
 * A declaration to answer, as a fill: the views hold only masked numbers, so the person types
 * each ID number and phone again (the form says so); names, relations and dates stay.
 */
export const fillFromDeclaration = (d: DeclarationView): DeclareFill => ({
  address: { roomId: d.roomId, communityName: d.communityName, label: d.addressLabel },
  standing: d.standing,
  persons: d.persons.map((p) => ({
    key: newKey(),
    name: p.name,
    idKind: kindOfName(p.idKindName),
    idNumber: '',
    phone: '',
    relation: p.relation,
    moveInDate: p.moveInDate,
    was: { idNumberMasked: p.idNumberMasked, phoneMasked: p.phoneMasked },
  })),
})

export const addressOfHousehold = (h: HouseholdView): AddressChoice => ({ roomId: h.roomId, communityName: h.communityName, label: h.addressLabel })
