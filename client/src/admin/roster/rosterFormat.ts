import type { FormatColumn } from '../common/FileFormat'
import { ROSTER_COLUMNS as COLUMNS, type RosterField } from '../../../../shared/roster/columns'

// The roster file as the import reads it (shared/roster/columns.ts: the headers, in order,
// each also known by a few aliases) with a line on what goes in each, and an example.

const NOTES: Record<RosterField, string> = {
  name: '真实姓名，居民在联系卡上看到',
  phone: '工作手机或座机，居民一键拨打；同一电话即同一人，再次导入会更新而不是新增',
  role: '网格员、网格长、社区分拨员或街道分拨员',
  codes: '网格员、网格长填15位网格编码（负责几个网格用“、”隔开）；社区分拨员填12位社区编码；街道分拨员填9位街道编码',
  duties: '一句话，例如：巡查走访、事件签收处置',
  officeHours: '例如：工作日 9:00–17:30，社区党群服务中心',
}

export const ROSTER_COLUMNS: FormatColumn[] = COLUMNS.map((c) => ({ name: c.header, required: c.required, note: NOTES[c.field] }))

export const ROSTER_HEADER = ROSTER_COLUMNS.map((c) => c.name).join(',')

export const ROSTER_EXAMPLE = [
  ROSTER_HEADER,
  '张三,13900000001,网格员,440304005001001,巡查走访、事件签收处置,工作日 9:00–17:30 社区党群服务中心',
  '李四,13900000002,网格长,440304005001001,统筹网格事务，督办处置,工作日 9:00–17:30',
  '王五,0755-12345678,社区分拨员,440304005001,,',
].join('\n')
