import '../admin.css'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { GridImportResult } from '../../../../shared/api'
import type { CoordinateSystem } from '../../../../shared/gridImport/coordinates'
import { importGridsSchema } from '../../../../shared/schemas/admin'
import { ApiError, call } from '../../api/client'
import { check } from '../../lib/fieldErrors'
import AdminPage from '../common/AdminPage'
import FilePicker from '../common/FilePicker'
import ImportSteps from '../common/ImportSteps'
import { useImport } from '../common/useImport'
import CoordinateChoice from './CoordinateChoice'
import GridImportReport from './GridImportReport'

/** The same checks the server runs, so a file too large for one request is said before it is sent. */
async function runImport(geojson: string, from: CoordinateSystem | null, apply: boolean): Promise<GridImportResult> {
  const checked = check(importGridsSchema, { geojson, from, apply })
  if (!checked.ok) throw new ApiError('VALIDATION', Object.values(checked.fields)[0], checked.fields)
  return call('admin', 'importGrids', checked.value)
}

export default function AdminGridsPage() {
  const [from, setFrom] = useState<CoordinateSystem | null>(null)
  const imp = useImport(runImport, from)
  const missing = !imp.file ? '第一步：选择网格边界文件（GeoJSON）。' : !from ? '第二步：选择文件的坐标系。' : null

  return (
    <AdminPage id='page-admin-grids' title='网格地图导入'>
      <View className='gl-card'>
        <Text className='gl-label'>网格边界文件</Text>
        <Text className='gl-muted'>GeoJSON 的 FeatureCollection，每个网格一个 Feature，属性含 15 位编码 code 和名称 name。文件中出现的社区以本文件为准：文件里没有的该社区网格会被删除。</Text>
        <FilePicker id='grids-file' label='选择 GeoJSON 文件' extensions={['geojson', 'json']} picked={imp.file} onPick={imp.setFile} onError={imp.setError} />
        <CoordinateChoice value={from} onChange={setFrom} />
        <ImportSteps idPrefix='grids' missing={missing} busy={imp.busy} current={imp.current} problemCount={imp.result && imp.current ? imp.result.problems.length : null}
          applied={!!imp.applied && imp.current} canApply={imp.canApply} onPreview={imp.runPreview} onApply={imp.runApply} />
        {imp.error && <View id='grids-error' className='form-error' ariaRole='alert'>{imp.error}</View>}
      </View>
      {imp.result && <GridImportReport result={imp.result} stale={!imp.current} />}
    </AdminPage>
  )
}
