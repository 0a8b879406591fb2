import '../admin.css'
import { Text, View } from '@tarojs/components'
import type { BuildingImportResult } from '../../../../shared/api'
import { importBuildingsSchema } from '../../../../shared/schemas/admin'
import { ApiError, call } from '../../api/client'
import { check } from '../../lib/fieldErrors'
import AdminPage from '../common/AdminPage'
import FilePicker from '../common/FilePicker'
import ImportSteps from '../common/ImportSteps'
import PlanLists from '../common/PlanLists'
import ProblemList from '../common/ProblemList'
import { useImport } from '../common/useImport'
import BuildingsFormat from './BuildingsFormat'

async function runImport(csv: string, _options: null, apply: boolean): Promise<BuildingImportResult> {
  const checked = check(importBuildingsSchema, { csv, apply })
  if (!checked.ok) throw new ApiError('VALIDATION', Object.values(checked.fields)[0], checked.fields)
  return call('admin', 'importBuildings', checked.value)
}

/** Row 0 is the file as a whole and row 1 its header; a problem of the whole file names no column. */
const problemLine = (p: BuildingImportResult['problems'][number]) => ({
  where: p.row <= 0 ? '整个文件' : p.row === 1 ? '第1行（表头）' : `第${p.row}行`,
  field: p.column ? `“${p.column}”列` : '文件格式',
  message: p.message,
})

function BuildingsReport({ result, stale }: { result: BuildingImportResult; stale: boolean }) {
  const { buildings, rooms } = result.plan
  const total = buildings.added.length + buildings.changed.length + buildings.unchanged.length
  return (
    <View id='buildings-report' className={stale ? 'admin-report admin-stale' : 'admin-report'}>
      {stale && <Text className='gl-notice'>文件已更换，下面是上一次的预览：请重新预览。</Text>}
      {result.applied ? (
        <View id='buildings-applied' className='gl-card admin-done'>
          <Text className='admin-done-title'>{`已导入 ${total} 栋楼`}</Text>
          <Text className='gl-muted'>居民申报居住登记时即可选到这些房屋。</Text>
        </View>
      ) : result.problems.length === 0 && (
        <Text id='buildings-preview-ok' className='gl-notice admin-ok'>{`预览完成：${total} 栋楼都没有问题，尚未写入。`}</Text>
      )}
      <ProblemList id='buildings-problems' title='文件有问题' problems={result.problems.map(problemLine)} />
      <View className='gl-card'>
        <Text className='gl-label'>{result.applied ? '本次导入' : '导入后将会'}</Text>
        <Text id='buildings-rooms' className='gl-muted'>{`房屋：新增 ${rooms.added} 户，删除 ${rooms.removed} 户`}</Text>
        <PlanLists idPrefix='buildings-plan' unit='栋' groups={[
          { key: 'added', title: '新增楼栋', items: buildings.added },
          { key: 'changed', title: '有变化的楼栋', items: buildings.changed },
          { key: 'unchanged', title: '没有变化', items: buildings.unchanged },
        ]} />
      </View>
    </View>
  )
}

export default function AdminBuildingsPage() {
  const imp = useImport(runImport, null)
  return (
    <AdminPage id='page-admin-buildings' title='楼栋房屋导入'>
      <View className='gl-card'>
        <Text className='gl-label'>楼栋房屋文件</Text>
        <FilePicker id='buildings-file' label='选择 CSV 文件' extensions={['csv']} picked={imp.file} onPick={imp.setFile} onError={imp.setError} />
        <ImportSteps idPrefix='buildings' missing={imp.file ? null : '第一步：选择楼栋房屋文件（CSV）。'} busy={imp.busy} current={imp.current}
          problemCount={imp.result && imp.current ? imp.result.problems.length : null} applied={!!imp.applied && imp.current} canApply={imp.canApply}
          onPreview={imp.runPreview} onApply={imp.runApply} />
        {imp.error && <View id='buildings-error' className='form-error' ariaRole='alert'>{imp.error}</View>}
      </View>
      {imp.result && <BuildingsReport result={imp.result} stale={!imp.current} />}
      <BuildingsFormat />
    </AdminPage>
  )
}
