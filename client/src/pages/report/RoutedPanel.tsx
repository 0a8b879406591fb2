import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useState } from 'react'
import type { SubmitReportResult } from '../../../../shared/api'
import { ROUTING_OUTCOME_TABLE } from '../../../../shared/routing/outcome'
import { routes } from '../../lib/routes'

const AUTO_OPEN_SECONDS = 5

/** Where the report went, in words; then its progress page opens by itself. */
export default function RoutedPanel({ result, onAnother }: { result: SubmitReportResult; onAnother: () => void }) {
  const [left, setLeft] = useState(AUTO_OPEN_SECONDS)
  const outcome = ROUTING_OUTCOME_TABLE[result.routing.outcome]
  const open = () => Taro.redirectTo({ url: routes.reportDetail(result.reportId) })

  useEffect(() => {
    if (left <= 0) {
      open()
      return
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])

  return (
    <View id='report-routed' className='gl-card routed-panel' data-outcome={result.routing.outcome}>
      <Text className='gl-title'>提交成功</Text>
      <Text id='report-case-number' className='routed-grid'>{`工单编号：${result.caseNumber}`}</Text>
      {result.expectedBy && <Text id='report-expected-by' className='routed-outcome'>{result.expectedBy}</Text>}
      <Text id='report-routed-grid' className='routed-grid'>{result.gridName ? `派往：${result.gridName}` : '派往：分拨中心'}</Text>
      <Text id='report-routed-outcome' className='routed-outcome'>{`定位结果：${outcome.name}`}</Text>
      <Text className='gl-muted'>{outcome.residentText}</Text>
      <Text className='gl-muted'>{`${left}秒后自动打开办理进度`}</Text>
      <Button id='report-view-detail' type='primary' block size='large' onClick={open}>查看办理进度</Button>
      <Button id='report-another' block size='large' onClick={onAnother}>再报一件</Button>
    </View>
  )
}
