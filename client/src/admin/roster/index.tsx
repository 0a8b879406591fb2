import '../admin.css'
import { Text, View } from '@tarojs/components'
import type { RosterImportResult } from '../../../../shared/api'
import { importRosterSchema } from '../../../../shared/schemas/admin'
import { ApiError, call } from '../../api/client'
import { check } from '../../lib/fieldErrors'
import AdminPage from '../common/AdminPage'
import FilePicker from '../common/FilePicker'
import ImportSteps from '../common/ImportSteps'
import PlanLists from '../common/PlanLists'
import ProblemList from '../common/ProblemList'
import { useImport } from '../common/useImport'
import RosterFormat from './RosterFormat'

async function runImport(csv: string, _options: null, apply: boolean): Promise<RosterImportResult> {
  const checked = check(importRosterSchema, { csv, apply })
  if (!checked.ok) throw new ApiError('VALIDATION', Object.values(checked.fields)[0], checked.fields)
  return call('admin', 'importRoster', checked.value)
}

/** Row 0 is the file as a whole and row 1 its header; a problem of the whole file names no column. */
const problemLine = (p: RosterImportResult['problems'][number]) => ({
  where: p.row <= 0 ? '整个文件' : p.row === 1 ? '第1行（表头）' : `第${p.row}行`,
  field: p.column ? `“${p.column}”列` : '文件格式',
  message: p.message,
})

function RosterReport({ result, stale }: { result: RosterImportResult; stale: boolean }) {
  const { plan } = result
  const total = plan.added.length + plan.changed.length + plan.unchanged.length
  return (
    <View id='roster-report' className={stale ? 'admin-report admin-stale' : 'admin-report'}>
      {stale && <Text className='gl-notice'>文件已更换，下面是上一次的预览：请重新预览。</Text>}
      {result.applied ? (
        <View id='roster-applied' className='gl-card admin-done'>
          <Text className='admin-done-title'>{`已导入 ${total} 人`}</Text>
          <Text className='gl-muted'>新增的人员还没有绑定微信：请在“人员与绑定码”中为他们生成绑定码，当面交给本人。</Text>
        </View>
      ) : result.problems.length === 0 && (
        <Text id='roster-preview-ok' className='gl-notice admin-ok'>{`预览完成：${total} 人都没有问题，尚未写入。`}</Text>
      )}
      <ProblemList id='roster-problems' title='名单有问题' problems={result.problems.map(problemLine)} />
      <View className='gl-card'>
        <Text className='gl-label'>{result.applied ? '本次导入' : '导入后将会'}</Text>
        <PlanLists idPrefix='roster-plan' unit='人' groups={[
          { key: 'added', title: '新增人员', items: plan.added },
          { key: 'changed', title: '信息有变化', items: plan.changed },
          { key: 'unchanged', title: '没有变化', items: plan.unchanged },
        ]} />
      </View>
    </View>
  )
}

export default function AdminRosterPage() {
  const imp = useImport(runImport, null)
  return (
    <AdminPage id='page-admin-roster' title='人员名单导入'>
      <View className='gl-card'>
        <Text className='gl-label'>人员名单文件</Text>
        <FilePicker id='roster-file' label='选择 CSV 文件' extensions={['csv']} picked={imp.file} onPick={imp.setFile} onError={imp.setError} />
        <ImportSteps idPrefix='roster' missing={imp.file ? null : '第一步：选择人员名单文件（CSV）。'} busy={imp.busy} current={imp.current}
          problemCount={imp.result && imp.current ? imp.result.problems.length : null} applied={!!imp.applied && imp.current} canApply={imp.canApply}
          onPreview={imp.runPreview} onApply={imp.runApply} />
        {imp.error && <View id='roster-error' className='form-error' ariaRole='alert'>{imp.error}</View>}
      </View>
      {imp.result && <RosterReport result={imp.result} stale={!imp.current} />}
      <RosterFormat />
    </AdminPage>
  )
}
