import * as z from 'zod'
import { required } from './messages'
import { cleanText } from '../text'
import { idSchema, locationSchema, photosSchema, writtenText } from './common'

export const DESCRIPTION_MIN = 5
export const DESCRIPTION_MAX = 500

// Requirement 3 in DOMAIN.md: descriptions too thin to act on. Five characters is the least
// that names a thing and a place ("楼道堆杂物").
export const submitReportSchema = z.object(
  {
    category: z.string(required('问题类别', '文本')).min(1, '请选择问题类别').max(40, '问题类别不存在'),
    description: writtenText('问题描述', DESCRIPTION_MIN, DESCRIPTION_MAX, `问题描述至少${DESCRIPTION_MIN}个字，请写清是什么问题、在哪里`, `问题描述最多${DESCRIPTION_MAX}个字`),
    photos: photosSchema('照片', 1),
    location: locationSchema,
    address: z.string('详细地址必须是文本').transform(cleanText).refine((a) => a.length <= 100, '详细地址最多100个字').optional(),
  },
  required('提交内容', '对象'),
)
export type SubmitReportInput = z.infer<typeof submitReportSchema>

export const reportRefSchema = z.object({ reportId: idSchema('问题编号') }, required('提交内容', '对象'))

export const COMMENT_MAX = 200
export const rateReportSchema = z.object(
  {
    reportId: idSchema('问题编号'),
    stars: z.number(required('评分', '数字')).int('评分应为 1–5 的整数').min(1, '评分应为 1–5 星').max(5, '评分应为 1–5 星'),
    solved: z.boolean(required('是否已解决', '是或否')),
    comment: z.string('评价内容必须是文本').transform(cleanText).refine((c) => c.length <= COMMENT_MAX, `评价内容最多${COMMENT_MAX}个字`).optional(),
  },
  required('提交内容', '对象'),
)
export type RateReportInput = z.infer<typeof rateReportSchema>

/** ≤ 2 stars or "not solved" sends the task back to its worker (返工). */
export const ratingReopens = (r: { stars: number; solved: boolean }) => !r.solved || r.stars <= 2

export const pageSchema = z.object(
  {
    cursor: z.string('翻页游标必须是文本').max(200, '翻页游标格式不正确').optional(),
    limit: z.number('每页条数必须是数字').int('每页条数应为整数').min(1, '每页条数至少为1').max(50, '每页条数最多为50').optional(),
  },
  required('提交内容', '对象'),
)
export type PageInput = z.infer<typeof pageSchema>
