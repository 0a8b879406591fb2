import { Text, View } from '@tarojs/components'
import type { BulkMoveResult } from '../../../../shared/api'
import { bulkSummary } from './consoleWords'

interface Props { result: BulkMoveResult; /** taskId → 工单编号, as the list showed them when sent */ caseNumbers: Record<string, string>; onClose: () => void }

/** "已处理 N 件，M 件未成功", then each failure by its case number with the server's reason. */
export default function BulkResult({ result, caseNumbers, onClose }: Props) {
  const failures = result.results.filter((r): r is Extract<BulkMoveResult['results'][number], { ok: false }> => !r.ok)
  return (
    <View id='bulk-result' className={failures.length ? 'gl-card console-result console-result-partial' : 'gl-card console-result'}>
      <Text id='bulk-summary' className='console-result-title'>{bulkSummary(result.done, result.failed)}</Text>
      {failures.map((f) => (
        <View key={f.taskId} className='console-failure' data-task-id={f.taskId}>
          <Text className='console-failure-case'>{`工单 ${caseNumbers[f.taskId] ?? f.taskId}`}</Text>
          <Text className='console-failure-message'>{f.message}</Text>
        </View>
      ))}
      <Text id='bulk-result-close' className='gl-mini-btn' onClick={onClose}>知道了</Text>
    </View>
  )
}
