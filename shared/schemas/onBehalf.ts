import * as z from 'zod'
import { writtenText } from './common'
import { declarationSchemas, NAME_MAX } from './declaration'
import { phoneSchema } from './identity'
import { required } from './messages'
import { submitReportSchema } from './report'
import { shanghaiToday, type Today } from '../identity/calendarDate'

// 代报 / 代申报: a worker or volunteer files for a resident who phoned or walked in. The
// resident's name and contact are recorded so the answer can be given back; only the staff
// handling the case see the contact whole (docs/privacy.md).

export const onBehalfSchema = z.object(
  {
    name: writtenText('居民姓名', 1, NAME_MAX, '请填写代报居民的姓名', `居民姓名最多${NAME_MAX}个字`),
    phone: phoneSchema('居民联系电话'),
  },
  required('代报居民', '对象'),
)
export type OnBehalfInput = z.infer<typeof onBehalfSchema>

export const reportOnBehalfSchema = submitReportSchema.extend({ onBehalf: onBehalfSchema })
export type ReportOnBehalfInput = z.infer<typeof reportOnBehalfSchema>

export const declareOnBehalfSchemaFor = (today: Today) => declarationSchemas(today).declare.extend({ onBehalf: onBehalfSchema })
export const declareOnBehalfSchema = declareOnBehalfSchemaFor(() => shanghaiToday())
export type DeclareOnBehalfInput = z.infer<typeof declareOnBehalfSchema>
