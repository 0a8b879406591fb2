import * as z from 'zod'
import { shanghaiToday, type Today } from '../identity/calendarDate'
import { MAX_PERSONS, RELATIONS, REVEALABLE_FIELDS, REVIEW_DECISIONS, STANDINGS } from '../declarations/words'
import { idSchema, writtenText } from './common'
import { identityDocumentSchema, moveInDateSchema, phoneSchema } from './identity'
import { required } from './messages'
import { pageSchema } from './report'

// Payloads of residence declaration (居住登记自主申报), its verification (核查) and the
// register (实有人口). The personal fields' outputs are their stored forms, which the use
// case encrypts before anything is written. "Today" is asked at each check (the server
// passes its movable clock through `declarationSchemas(today)`).

const versionSchema = z.number(required('版本号 version', '数字')).int('版本号 version 应为整数').min(1, '版本号 version 应为正整数')

export const NAME_MAX = 30
const personNameSchema = writtenText('姓名', 1, NAME_MAX, '请填写姓名', `姓名最多${NAME_MAX}个字`)
const standingSchema = z.enum(STANDINGS, { error: (i) => (i.input === undefined || i.input === null ? '请选择您与该房屋的关系' : '与房屋的关系不在可选范围内') })
const relationSchema = z.enum(RELATIONS, { error: (i) => (i.input === undefined || i.input === null ? '请选择与户主关系' : '与户主关系不在可选范围内') })
const consentSchema = z.string(required('告知书版本', '文本')).min(1, '请阅读并同意告知书').max(40, '告知书版本格式不正确')

export const REASON_MIN = 2
export const REASON_MAX = 200
export const reasonSchema = (label: string) => writtenText(label, REASON_MIN, REASON_MAX, `请写明${label}（至少${REASON_MIN}个字）`, `${label}最多${REASON_MAX}个字`)

/** One person moving in: name, ID document, phone (optional for a child), relation, move-in date. */
export const personSchema = (today: Today) =>
  z.object(
    {
      name: personNameSchema,
      document: identityDocumentSchema('证件号码', today),
      phone: phoneSchema('联系电话').nullable().optional(),
      relation: relationSchema,
      moveInDate: moveInDateSchema(today),
    },
    required('居住人', '对象'),
  )
export type PersonInput = z.infer<ReturnType<typeof personSchema>>

const personsSchema = (today: Today) =>
  z.array(personSchema(today), required('居住人', '列表')).min(1, '请至少添加一位居住人').max(MAX_PERSONS, `一次最多申报${MAX_PERSONS}人，人数更多请分次申报`)

/** The room is picked, never typed: an empty one asks to choose it. */
const roomIdSchema = (label: string) => z.string(required(label, '文本')).min(1, `请选择${label}`).max(200, `${label}格式不正确`)

export function declarationSchemas(today: Today = () => shanghaiToday()) {
  const declare = z.object(
    { roomId: roomIdSchema('房号'), standing: standingSchema, persons: personsSchema(today), consentVersion: consentSchema },
    required('提交内容', '对象'),
  )
  /** the declarant answers a request for more: the people again, as they should be */
  const amend = z.object(
    { declarationId: idSchema('申报编号'), version: versionSchema, standing: standingSchema, persons: personsSchema(today), consentVersion: consentSchema },
    required('提交内容', '对象'),
  )
  const moveOut = z.object(
    {
      roomId: roomIdSchema('房号'),
      residentIds: z.array(idSchema('住户编号'), required('迁出住户', '列表')).min(1, '请选择迁出的住户').max(MAX_PERSONS, `一次最多注销${MAX_PERSONS}人`),
      moveOutDate: moveInDateSchema(today, '迁出日期'),
      consentVersion: consentSchema,
    },
    required('提交内容', '对象'),
  )
  return { declare, amend, moveOut }
}

const defaults = declarationSchemas()
export const declareResidenceSchema = defaults.declare
export const amendDeclarationSchema = defaults.amend
export const declareMoveOutSchema = defaults.moveOut
export type DeclareResidenceInput = z.infer<typeof declareResidenceSchema>
export type AmendDeclarationInput = z.infer<typeof amendDeclarationSchema>
export type DeclareMoveOutInput = z.infer<typeof declareMoveOutSchema>

export const declarationRefSchema = z.object({ declarationId: idSchema('申报编号') }, required('提交内容', '对象'))
export type DeclarationRefInput = z.infer<typeof declarationRefSchema>

export const withdrawDeclarationSchema = z.object({ declarationId: idSchema('申报编号'), version: versionSchema }, required('提交内容', '对象'))
export type WithdrawDeclarationInput = z.infer<typeof withdrawDeclarationSchema>

/** approve, or reject / ask for more with a reason the declarant reads */
export const reviewDeclarationSchema = z
  .object(
    {
      declarationId: idSchema('申报编号'),
      version: versionSchema,
      decision: z.enum(REVIEW_DECISIONS, { error: (i) => (i.input === undefined || i.input === null ? '请选择核查结果' : '核查结果不在可选范围内') }),
      reason: reasonSchema('原因').optional(),
    },
    required('提交内容', '对象'),
  )
  .superRefine((v, ctx) => {
    if (v.decision !== 'approve' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: v.decision === 'reject' ? '请写明不予通过的原因' : '请写明需要补充的信息' })
  })
export type ReviewDeclarationInput = z.infer<typeof reviewDeclarationSchema>

/** the verifying worker asks to see one field whole, and says why (written to the audit log) */
export const revealPersonFieldSchema = z.object(
  {
    declarationId: idSchema('申报编号'),
    personId: idSchema('居住人编号'),
    field: z.enum(REVEALABLE_FIELDS, { error: '查看的字段应为证件号码或联系电话' }),
    reason: reasonSchema('查看理由'),
  },
  required('提交内容', '对象'),
)
export type RevealPersonFieldInput = z.infer<typeof revealPersonFieldSchema>

/** the register of one of the caller's grids (the first when not given), a building of it, current residents or those moved out */
export const listRegisterSchema = pageSchema.extend({
  gridId: idSchema('网格编号').optional(),
  buildingId: idSchema('楼栋编号').optional(),
  movedOut: z.boolean('是否显示已迁出应为是或否').optional(),
})
export type ListRegisterInput = z.infer<typeof listRegisterSchema>
