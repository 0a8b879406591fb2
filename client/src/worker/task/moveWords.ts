import type { TaskDetail } from '../../../../shared/api'
import { LEVEL_INFO, nextLevel, type Level } from '../../../../shared/levels'

// What each written move says to the person: the form's title, the field, an example, the
// button and the notice once it went through. The reason is read by the next person, so the
// examples show what makes it useful.

export type WrittenMove = 'escalate' | 'transfer' | 'refuseTransfer' | 'return' | 'requestExtension' | 'refuseExtension' | 'supervise'

export interface MoveWords { title: string; label: string; placeholder: string; submit: string; done: string }

// "社区": the level above. A grid outside every community goes straight to its street; the
// server decides that and its answer (level, holder) shows where it really went.
const upTo = (level: Level) => {
  const next = nextLevel(level)
  return next ? LEVEL_INFO[next].owner : '上级'
}

export function moveWords(move: WrittenMove, t: Pick<TaskDetail, 'level'>, gridName = ''): MoveWords {
  switch (move) {
    case 'escalate':
      return { title: `上报${upTo(t.level)}`, label: '上报原因（上级会看到）', placeholder: '例如：涉及多户业主和物业，需社区召集协调', submit: '确定上报', done: '已上报，由上级分拨中心派单' }
    case 'transfer':
      return { title: `转派给${gridName}`, label: '转派原因（对方网格会看到）', placeholder: '例如：现场核实位置在马路对面，属相邻网格', submit: `确定转派给${gridName}`, done: `已转派给${gridName}，等对方签收` }
    case 'refuseTransfer':
      return { title: '拒收转派', label: '拒收原因（分拨中心会看到）', placeholder: '例如：现场核实不在本网格范围内', submit: '确定拒收', done: '已拒收，任务退回分拨中心重新派单' }
    case 'return':
      return { title: '退回分拨中心', label: '退回原因（分拨中心会看到）', placeholder: '例如：不属于网格职责，需城管部门处理', submit: '确定退回', done: '已退回分拨中心重新派单' }
    case 'requestExtension':
      return { title: '申请延期', label: '延期原因（审批人会看到）', placeholder: '例如：需等物业维修配件，预计下周到货', submit: '提交延期申请', done: '已提交延期申请，等上级审批' }
    case 'refuseExtension':
      return { title: '不批准延期', label: '审批意见（申请人会看到）', placeholder: '例如：该问题影响居民出行，请按原期限办结', submit: '确定不批准', done: '已不批准延期，按原期限办理' }
    case 'supervise':
      return { title: '督办', label: '督办意见（处理人会看到）', placeholder: '例如：居民多次来电，请今天下班前到现场处理', submit: '确定督办', done: '已督办，处理人会收到提醒' }
  }
}
