import * as z from 'zod'
import { COORDINATE_SYSTEMS } from '../gridImport/coordinates'
import { idSchema } from './common'
import { required } from './messages'

// The admin subpackage's payloads: the grid map and the staff roster (imports with a dry
// run first), binding codes and leave. docs/api.md and docs/import.md describe each.

/**
 * A file as the admin page sends it: its text, parsed by the use case so a broken file is a
 * report, not a refusal. 900 KB keeps a request under the host's 1 MB body limit; a street's
 * map fits, a whole district's goes through `npm run import:grids` (no limit) or street by street.
 */
export const MAX_IMPORT_TEXT = 900_000
const importText = (label: string) =>
  z.string(required(label, '文本')).min(1, `请选择${label}`).max(MAX_IMPORT_TEXT, `${label}过大：页面上一次最多 900 KB，请按街道拆分后分批导入`)

/** false: the dry run, which writes nothing */
const applySchema = z.boolean(required('是否正式导入 apply', '是或否'))

/** A CSV import (the roster, the building registry): the file's text and dry run or not. */
const csvImportSchema = (label: string) => z.object({ csv: importText(label), apply: applySchema }, required('提交内容', '对象'))

export const importGridsSchema = z.object(
  {
    geojson: importText('网格边界文件'),
    from: z.enum(COORDINATE_SYSTEMS, '坐标系 from 应为 gcj02、wgs84 或 cgcs2000'),
    apply: applySchema,
  },
  required('提交内容', '对象'),
)
export type ImportGridsInput = z.infer<typeof importGridsSchema>

export const importRosterSchema = csvImportSchema('人员名单文件')
export type ImportRosterInput = z.infer<typeof importRosterSchema>

/** Staff of an area: a community, a street, or (district admins, neither given) everyone. */
export const listStaffSchema = z.object(
  {
    communityId: idSchema('社区编号').optional(),
    streetId: idSchema('街道编号').optional(),
    cursor: z.string('翻页标记 cursor 必须是文本').max(200, '翻页标记 cursor 格式不正确').optional(),
    limit: z.number('每页数量 limit 必须是数字').int('每页数量 limit 应为整数').min(1, '每页数量 limit 至少为1').max(100, '每页数量 limit 最多为100').optional(),
  },
  required('提交内容', '对象'),
)
export type ListStaffInput = z.infer<typeof listStaffSchema>

export const staffRefSchema = z.object({ userId: idSchema('工作人员编号') }, required('提交内容', '对象'))
export type StaffRefInput = z.infer<typeof staffRefSchema>

const DAY_MS = 86_400_000
export const MAX_LEAVE_DAYS = 366
const epochMs = (label: string) => z.number(required(label, '时间')).int(`${label}格式不正确`).min(1_500_000_000_000, `${label}格式不正确`).max(4_102_444_800_000, `${label}格式不正确`)

export const setLeaveSchema = z
  .object(
    {
      userId: idSchema('请假人员编号'),
      from: epochMs('请假开始时间'),
      until: epochMs('请假结束时间'),
      substituteId: idSchema('代班人员编号'),
      note: z.string('请假说明必须是文本').max(100, '请假说明最多100个字').optional(),
    },
    required('提交内容', '对象'),
  )
  .superRefine((l, ctx) => {
    if (l.until <= l.from) ctx.addIssue({ code: 'custom', path: ['until'], message: '请假结束时间应晚于开始时间' })
    else if (l.until - l.from > MAX_LEAVE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['until'], message: `一次请假最长${MAX_LEAVE_DAYS}天` })
    if (l.substituteId === l.userId) ctx.addIssue({ code: 'custom', path: ['substituteId'], message: '代班人员不能是请假人本人' })
  })
export type SetLeaveInput = z.infer<typeof setLeaveSchema>

/**
 * A staff member's photo for the contact card: the id of a file the caller uploaded (as a
 * report's photos are, shared/schemas/common.ts), or null to remove it. Never a web address:
 * the mini-program loads nothing from servers other than its own.
 */
export const setStaffPhotoSchema = z.object(
  {
    userId: idSchema('工作人员编号'),
    photo: z.string(required('照片编号', '文本')).min(1, '照片编号不能为空').max(256, '照片编号过长').nullable(),
  },
  required('提交内容', '对象'),
)
export type SetStaffPhotoInput = z.infer<typeof setStaffPhotoSchema>

export const importBuildingsSchema = csvImportSchema('楼栋房屋文件')
export type ImportBuildingsInput = z.infer<typeof importBuildingsSchema>
