import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { toApiError } from '../../api/client'
import AssignForm from './AssignForm'
import ExtensionForm from './ExtensionForm'
import MergeForm from './MergeForm'
import MoveForm, { type MoveOutcome } from './MoveForm'
import { moveWords, type WrittenMove } from './moveWords'
import { prepareMove } from './prepareMove'

type Open =
  | { kind: Exclude<WrittenMove, 'transfer' | 'requestExtension'> }
  | { kind: 'transfer'; gridId: string; gridName: string }
  | { kind: 'requestExtension' }
  | { kind: 'assign' }
  | { kind: 'merge' }

interface Props { task: TaskDetail; onDone: (t: TaskDetail, notice: string) => void; onConflict: (message: string) => void }

/** Whether the server offers any move beyond 签收 and 办结 (those two have their own places on the page). */
export const hasMoves = (m: TaskDetail['moves']) =>
  m.escalate || m.transferTo.length > 0 || m.refuseTransfer || m.return || m.requestExtension || m.decideExtension || m.supervise || m.assign || m.merge

/**
 * The moves between people that the server says this person may make now (`task.moves`):
 * one button each, and a form with the reason for those that need one.
 */
export default function MovesPanel({ task: t, onDone, onConflict }: Props) {
  const [open, setOpen] = useState<Open | null>(null)
  const [approving, setApproving] = useState(false)
  const [error, setError] = useState('')
  const m = t.moves
  if (!hasMoves(m)) return null

  const outcome: MoveOutcome = {
    onDone: (next, notice) => { setOpen(null); onDone(next, notice) },
    onConflict: (message) => { setOpen(null); onConflict(message) },
    onCancel: () => setOpen(null),
  }
  const opener = (o: Open) => () => { setError(''); setOpen(o) }

  const approve = async () => {
    if (approving || !t.extension) return
    const sure = await Taro.showModal({ title: '批准延期', content: `批准后期限顺延${t.extension.days}个工作日。确定批准吗？`, confirmText: '批准', cancelText: '取消' })
    if (!sure.confirm) return
    const prepared = prepareMove(t, { type: 'decideExtension', approve: true })
    if (!prepared.ok) return setError(Object.values(prepared.fields)[0] ?? '')
    setApproving(true)
    setError('')
    try {
      onDone(await prepared.send(), `已批准延期${t.extension.days}个工作日`)
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') onConflict(err.message)
      else setError(err.message)
    } finally {
      setApproving(false)
    }
  }

  if (open) {
    switch (open.kind) {
      case 'assign':
        return <AssignForm task={t} {...outcome} />
      case 'requestExtension':
        return <ExtensionForm task={t} {...outcome} />
      case 'merge':
        return <MergeForm task={t} {...outcome} />
      case 'transfer':
        return <MoveForm id='transfer' words={moveWords('transfer', t, open.gridName)} {...outcome}
          prepare={(reason) => prepareMove(t, { type: 'transfer', toGridId: open.gridId, reason })} />
      case 'supervise':
        return <MoveForm id='supervise' field='note' words={moveWords('supervise', t)} {...outcome} prepare={(note) => prepareMove(t, { type: 'supervise', note })} />
      case 'refuseExtension':
        return <MoveForm id='refuse-extension' words={moveWords('refuseExtension', t)} {...outcome}
          prepare={(reason) => prepareMove(t, { type: 'decideExtension', approve: false, reason })} />
      default: {
        const kind = open.kind
        return <MoveForm id={kind} words={moveWords(kind, t)} {...outcome} prepare={(reason) => prepareMove(t, { type: kind, reason })} />
      }
    }
  }

  return (
    <View id='task-moves' className='gl-card'>
      <Text className='gl-title'>其他操作</Text>
      {m.transferTo.length > 0 && <Text className='gl-muted'>位置在网格边界附近：如不属本网格，点相邻网格一键转派</Text>}
      <View className='move-buttons'>
        {m.assign && <Button id='move-open-assign' type='primary' size='large' onClick={opener({ kind: 'assign' })}>派单</Button>}
        {m.decideExtension && (
          <Button id='move-approve-extension' type='primary' size='large' loading={approving} onClick={approve}>批准延期</Button>
        )}
        {m.decideExtension && <Button id='move-open-refuse-extension' size='large' onClick={opener({ kind: 'refuseExtension' })}>不批准</Button>}
        {m.transferTo.map((g) => (
          <Button key={g.gridId} id={`move-open-transfer-${g.gridId}`} size='large' onClick={opener({ kind: 'transfer', ...g })}>{`转派给${g.gridName}`}</Button>
        ))}
        {m.refuseTransfer && <Button id='move-open-refuseTransfer' size='large' onClick={opener({ kind: 'refuseTransfer' })}>拒收</Button>}
        {m.requestExtension && <Button id='move-open-requestExtension' size='large' onClick={opener({ kind: 'requestExtension' })}>申请延期</Button>}
        {m.escalate && <Button id='move-open-escalate' size='large' onClick={opener({ kind: 'escalate' })}>上报</Button>}
        {m.return && <Button id='move-open-return' size='large' onClick={opener({ kind: 'return' })}>退回</Button>}
        {m.supervise && <Button id='move-open-supervise' size='large' onClick={opener({ kind: 'supervise' })}>督办</Button>}
        {m.merge && <Button id='move-open-merge' size='large' onClick={opener({ kind: 'merge' })}>合并重复反映</Button>}
      </View>
      {error && <View id='task-moves-error' className='form-error' ariaRole='alert'>{error}</View>}
    </View>
  )
}
