import * as z from 'zod'
import { dayOf, shanghaiToday, type Today } from '../identity/calendarDate'
import { checkIdNumber, ID_KINDS, type IdKind } from '../identity/idDocuments'
import { checkMoveInDate } from '../identity/moveIn'
import { checkPhone } from '../identity/phones'
import { required } from './messages'

// The personal fields of a residence declaration. Each schema's output is the stored form
// (the number a duplicate check and the cipher see); its messages name the field and never
// repeat what was typed. "Today" is asked at each check, not when the schema is built: a
// host runs for days, and the server passes its own (movable) clock.

const shanghai: Today = () => shanghaiToday()

// bounds on the raw text, before any normalising work
const ID_RAW_MAX = 40
const PHONE_RAW_MAX = 32

export const idKindSchema = (label = '证件类型') =>
  z.enum(ID_KINDS, { error: (i) => (i.input === undefined || i.input === null ? `请选择${label}` : `${label}不在可选范围内`) })

export const idNumberSchema = (label: string, options: { kind?: IdKind; today?: Today } = {}) =>
  z
    .string(required(label, '文本'))
    .trim()
    .min(1, `请填写${label}`)
    .max(ID_RAW_MAX, `${label}过长，请核对`)
    .transform((text, ctx) => {
      const r = checkIdNumber(text, { today: dayOf(options.today ?? shanghai), kind: options.kind })
      if (r.ok) return r.value.number
      ctx.addIssue({ code: 'custom', message: `${label}${r.error}` })
      return z.NEVER
    })

/** A document type and its number together: a number of another type is named on `idNumber`. */
export const identityDocumentSchema = (label = '证件号码', today: Today = shanghai) =>
  z
    .object({ idKind: idKindSchema(), idNumber: z.string(required(label, '文本')).trim().min(1, `请填写${label}`).max(ID_RAW_MAX, `${label}过长，请核对`) }, required('证件', '对象'))
    .transform((doc, ctx) => {
      const r = checkIdNumber(doc.idNumber, { today: dayOf(today), kind: doc.idKind })
      if (r.ok) return { idKind: doc.idKind, idNumber: r.value.number }
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `${label}${r.error}` })
      return z.NEVER
    })
export type IdentityDocument = z.infer<ReturnType<typeof identityDocumentSchema>>

export const phoneSchema = (label: string) =>
  z
    .string(required(label, '文本'))
    .trim()
    .min(1, `请填写${label}`)
    .max(PHONE_RAW_MAX, `${label}过长，请核对`)
    .transform((text, ctx) => {
      const r = checkPhone(text)
      if (r.ok) return r.value.number
      ctx.addIssue({ code: 'custom', message: `${label}${r.error}` })
      return z.NEVER
    })

export const moveInDateSchema = (today: Today = shanghai, label = '入住日期') =>
  z
    .string(required(label, '日期'))
    .transform((text, ctx) => {
      // the form offers a date picker: nothing picked yet is "choose", not "wrong format"
      if (text.trim() === '') {
        ctx.addIssue({ code: 'custom', message: `请选择${label}` })
        return z.NEVER
      }
      const r = checkMoveInDate(text, dayOf(today))
      if (r.ok) return r.value
      ctx.addIssue({ code: 'custom', message: `${label}${r.error}` })
      return z.NEVER
    })
