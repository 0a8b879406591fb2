import { Text, View } from '@tarojs/components'
import type { GridImportResult, ImportWarning } from '../../../../shared/api'
import PlanLists from '../common/PlanLists'
import ProblemList, { type ProblemLine } from '../common/ProblemList'
import { areaWords } from './areaWords'

const where = (feature: number) => (feature < 0 ? '整个文件' : `第${feature + 1}个网格（features[${feature}]）`)
const problemLines = (r: GridImportResult): ProblemLine[] => r.problems.map((p) => ({ where: where(p.feature), field: p.field, message: p.message }))

function Warning({ w }: { w: ImportWarning }) {
  // null: a grid the map keeps that the file does not name
  const inFile = (w.features ?? []).filter((f): f is number => f !== null)
  return (
    <View className='admin-warning' data-kind={w.kind}>
      <Text className='admin-warning-kind'>{w.kind === 'overlap' ? '网格重叠' : '社区内空隙'}</Text>
      <Text className='admin-warning-message'>{w.message}</Text>
      <Text className='gl-muted'>{`面积约 ${areaWords(w.areaM2)}${inFile.length ? ` · 文件中第${inFile.map((f) => f + 1).join('、')}个网格` : ''}`}</Text>
    </View>
  )
}

/** A grid import's answer: problems first (they block), then warnings (they don't), then the plan. */
export default function GridImportReport({ result, stale }: { result: GridImportResult; stale: boolean }) {
  const { plan } = result
  const total = plan.added.length + plan.changed.length + plan.unchanged.length
  const counts = `新增 ${plan.added.length}、变化 ${plan.changed.length}、删除 ${plan.removed.length} 个网格`
  return (
    <View id='grids-report' className={stale ? 'admin-report admin-stale' : 'admin-report'}>
      {stale && <Text id='grids-stale' className='gl-notice'>文件或坐标系已更换，下面是上一次的预览：请重新预览。</Text>}
      {result.applied ? (
        <View id='grids-applied' className='gl-card admin-done'>
          <Text className='admin-done-title'>{`导入完成：${counts}，地图已更新为第 ${result.generation} 版`}</Text>
          <Text className='gl-muted'>新上报的问题按新边界派单；之前的上报保留原来的网格与地图版本。</Text>
        </View>
      ) : result.problems.length === 0 && (
        <Text id='grids-preview-ok' className='gl-notice admin-ok'>{`预览完成：文件中 ${total} 个网格都没有问题，尚未写入。`}</Text>
      )}
      <ProblemList id='grids-problems' title='文件有问题' problems={problemLines(result)} />
      {result.warnings.length > 0 && (
        <View id='grids-warnings' className='gl-card admin-warnings'>
          <Text className='admin-warnings-title'>{`${result.warnings.length} 条提醒（不影响导入，请核对边界）`}</Text>
          {result.warnings.map((w, i) => <Warning key={i} w={w} />)}
        </View>
      )}
      <View className='gl-card'>
        <Text className='gl-label'>{result.applied ? '本次导入' : '导入后将会'}</Text>
        <PlanLists idPrefix='grids-plan' groups={[
          { key: 'added', title: '新增网格', items: plan.added },
          { key: 'changed', title: '边界或名称变化', items: plan.changed },
          { key: 'unchanged', title: '没有变化', items: plan.unchanged },
          { key: 'removed', title: '删除（文件中没有的本社区网格）', items: plan.removed, tone: 'warn' },
        ]} />
      </View>
    </View>
  )
}
