import { Text, View } from '@tarojs/components'
import { MAX_BULK } from '../../../../shared/schemas/moves'
import type { BulkAction } from './BulkForm'

interface Props {
  selected: number
  loaded: number
  onSelectAll: () => void
  onClear: () => void
  onAction: (a: BulkAction) => void
}

const ACTIONS: { id: BulkAction; words: string }[] = [
  { id: 'assign', words: '派单' },
  { id: 'supervise', words: '督办' },
  { id: 'escalate', words: '上报' },
  { id: 'approve', words: '批准延期' },
  { id: 'refuse', words: '不批准' },
]

/** How many are chosen, choosing all that are loaded (up to the bulk limit), and the moves for them. */
export default function BulkBar({ selected, loaded, onSelectAll, onClear, onAction }: Props) {
  const all = selected > 0 && selected >= Math.min(loaded, MAX_BULK)
  return (
    <View id='bulk-bar' className='gl-card console-bulk'>
      <View className='console-bulk-head'>
        <Text id='bulk-count' className='console-bulk-count'>{selected ? `已选 ${selected} 件` : '未选择任务'}</Text>
        <Text id={all ? 'bulk-clear' : 'bulk-select-all'} className='gl-mini-btn console-bulk-toggle' onClick={all ? onClear : onSelectAll}>
          {all ? '取消全选' : `全选已加载的 ${Math.min(loaded, MAX_BULK)} 件`}
        </Text>
      </View>
      {loaded > MAX_BULK && <Text className='gl-muted'>{`一次最多处理 ${MAX_BULK} 件，全选只选前 ${MAX_BULK} 件`}</Text>}
      {selected > 0 && (
        <View className='console-buttons'>
          {ACTIONS.map((a) => (
            <Text key={a.id} id={`bulk-open-${a.id}`} className='gl-mini-btn console-action' onClick={() => onAction(a.id)}>{a.words}</Text>
          ))}
        </View>
      )}
    </View>
  )
}
