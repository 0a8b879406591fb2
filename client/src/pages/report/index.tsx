import { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { SubmitReportResult } from '../../../../shared/api'
import { DEFAULT_CATEGORY_NAMES, type CategoryName as Category } from '../../../../shared/categories'
import { call } from '../../api/client'
import { prefetchGrantTemplates } from '../../lib/grants'
import PageShell from '../../components/PageShell'
import ReportForm from './ReportForm'
import RoutedPanel from './RoutedPanel'

export default function ReportPage() {
  const [catalogue, setCatalogue] = useState<Category[] | null>(null)
  const [offline, setOffline] = useState(false)
  const [result, setResult] = useState<SubmitReportResult | null>(null)
  const [fill, setFill] = useState(0)
  // the worker inbox's 代居民反映问题 opens the form with 代报 switched on
  const startOnBehalf = useRouter().params.onBehalf === '1'

  useLoad(() => {
    prefetchGrantTemplates()
    call('user', 'catalogue', {})
      .then(setCatalogue)
      .catch(() => {
        // a weak signal must not stop a report: offer the standard list, the server re-checks
        setOffline(true)
        setCatalogue(DEFAULT_CATEGORY_NAMES)
      })
  })

  return (
    <PageShell id='page-report'>
      <Text className='gl-title'>随手拍 · 上报问题</Text>
      <Text className='gl-muted'>拍下问题、确认位置、选好类别，网格员会尽快处理并回复您。</Text>
      {offline && <Text className='gl-notice'>暂时连不上服务器，先显示常用问题类别。</Text>}
      {result ? (
        <RoutedPanel result={result} onAnother={() => { setResult(null); setFill(fill + 1) }} />
      ) : catalogue ? (
        <ReportForm key={fill} catalogue={catalogue} onSubmitted={setResult} startOnBehalf={startOnBehalf} />
      ) : (
        <View className='gl-loading'>正在加载…</View>
      )}
    </PageShell>
  )
}
