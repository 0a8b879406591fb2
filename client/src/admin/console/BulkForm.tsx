import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { BulkMoveResult } from '../../../../shared/api'
import { BULK_MOVES, REASON_MAX, REASON_MIN, type BulkMove } from '../../../../shared/schemas/moves'
import { call, toApiError } from '../../api/client'
import FieldError from '../../components/FieldError'
import TextField from '../../components/TextField'
import { check, useFormSend } from '../../lib/fieldErrors'
import AssignPicker, { type AssignChoice, type ConsoleGrid } from './AssignPicker'

/**
 * Tasks per call. Each move is ~19 database requests on CloudBase: 25 of them stay inside one
 * admin function run (30 s) at the base tier's 30 requests a second (docs/capacity.md,
 * "Escalation and the console"); the form sends the selection call after call and adds up.
 */
export const BULK_CHUNK = 25

/** One move on the tasks chunk by chunk; a call that fails after the first reports the tasks it did not reach. */
export async function sendInChunks(tasks: { taskId: string; version: number }[], move: BulkMove, onProgress: (sent: number) => void): Promise<BulkMoveResult> {
  const merged: BulkMoveResult = { done: 0, failed: 0, results: [] }
  for (let i = 0; i < tasks.length; i += BULK_CHUNK) {
    onProgress(i)
    const part = tasks.slice(i, i + BULK_CHUNK)
    try {
      const r = await call('admin', 'bulkMove', { tasks: part, move })
      merged.results.push(...r.results)
    } catch (e) {
      if (i === 0) throw e
      const err = toApiError(e)
      merged.results.push(...tasks.slice(i).map((t) => ({ taskId: t.taskId, ok: false as const, code: err.code, message: `未送达：${err.message}` })))
      break
    }
  }
  merged.done = merged.results.filter((r) => r.ok).length
  merged.failed = merged.results.length - merged.done
  return merged
}

export type BulkAction = 'assign' | 'supervise' | 'escalate' | 'approve' | 'refuse'

interface Words { title: string; label?: string; placeholder?: string; submit: string }
const WORDS: Record<BulkAction, Words> = {
  assign: { title: '批量派单', submit: '确定派单' },
  supervise: { title: '批量督办', label: '督办意见（处理人会看到）', placeholder: '例如：请今天下班前到现场处理并回复', submit: '确定督办' },
  escalate: { title: '批量上报', label: '上报原因（上级会看到）', placeholder: '例如：需街道召集城管、市场监管联合处置', submit: '确定上报' },
  approve: { title: '批量批准延期', submit: '确定批准' },
  refuse: { title: '批量不批准延期', label: '审批意见（申请人会看到）', placeholder: '例如：请按原期限办结', submit: '确定不批准' },
}

function moveOf(action: BulkAction, text: string, choice: AssignChoice): unknown {
  switch (action) {
    case 'assign': return { type: 'assign', gridId: choice.gridId, ...(choice.assigneeId ? { assigneeId: choice.assigneeId } : {}) }
    case 'supervise': return { type: 'supervise', note: text }
    case 'escalate': return { type: 'escalate', reason: text }
    case 'approve': return { type: 'decide_extension', approve: true }
    case 'refuse': return { type: 'decide_extension', approve: false, ...(text.trim() ? { reason: text } : {}) }
  }
}

interface Props {
  action: BulkAction
  tasks: { taskId: string; version: number }[]
  grids: ConsoleGrid[]
  onDone: (r: BulkMoveResult) => void
  onCancel: () => void
}

/** One move on every selected task, sent once with each task's version; each task succeeds or fails on its own. */
export default function BulkForm({ action, tasks, grids, onDone, onCancel }: Props) {
  const [text, setText] = useState('')
  const [choice, setChoice] = useState<AssignChoice>({ gridId: '' })
  const { errors, setErrors, edit, formError, setFormError, sending, send } = useFormSend()
  const [sent, setSent] = useState(0)
  const w = WORDS[action]

  const submit = async () => {
    if (sending) return
    const move = moveOf(action, text, choice) as BulkMove
    const checked = check(BULK_MOVES[move.type] as (typeof BULK_MOVES)['supervise'], move)
    if (!checked.ok) {
      // the move's fields (note, reason, gridId) show as the one field this form has: "move"
      const pickGrid = action === 'assign' && !choice.gridId
      setErrors({ move: pickGrid ? '请选择要派给的网格' : Object.values(checked.fields)[0] ?? '' })
      return
    }
    if (tasks.length === 0) {
      setFormError('请至少选择1个任务')
      return
    }
    const result = await send(() => sendInChunks(tasks, checked.value as BulkMove, setSent))
    if (result) onDone(result)
  }

  return (
    <View id='bulk-form' className='gl-card console-bulk-form' data-action={action}>
      <Text className='gl-title'>{`${w.title}（${tasks.length} 件）`}</Text>
      {action === 'assign' && (
        grids.length > 0
          ? <AssignPicker idPrefix='bulk-assign' grids={grids} value={choice} errors={{ gridId: errors.move ?? '' }} onChange={(v) => { setChoice(v); setErrors({}) }} />
          : <View><Text id='bulk-no-grids' className='gl-notice'>请先在上面选一个社区，再选要派给的网格</Text><FieldError name='move' message={errors.move} /></View>
      )}
      {w.label && (
        <TextField name='move' idPrefix='bulk' label={w.label} value={text} onChange={edit('move', setText)} min={REASON_MIN} max={REASON_MAX}
          placeholder={w.placeholder} error={errors.move} />
      )}
      {action === 'approve' && <Text className='gl-muted'>每件按申请的天数顺延期限；不是待审批延期的任务会列在未成功里。</Text>}
      {sending && tasks.length > BULK_CHUNK && <Text id='bulk-progress' className='gl-notice'>{`正在处理 ${sent} / ${tasks.length} 件，请稍候…`}</Text>}
      {formError && <View id='bulk-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <View className='console-buttons'>
        <Button id='bulk-submit' type='primary' size='large' loading={sending} onClick={submit}>{w.submit}</Button>
        <Button id='bulk-cancel' size='large' onClick={() => { if (!sending) onCancel() }}>取消</Button>
      </View>
    </View>
  )
}
