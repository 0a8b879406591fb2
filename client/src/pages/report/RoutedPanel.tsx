import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useState } from 'react'
import type { SubmitReportResult } from '../../../../shared/api'
import { ROUTING_OUTCOME_NAMES, type RoutingOutcome } from '../../../../shared/routing/outcome'
import { routes } from '../../lib/routes'

const AUTO_OPEN_SECONDS = 5

// What each outcome means for the person who reported (DESIGN.md, "Routing").
const EXPLAIN: Record<RoutingOutcome, string> = {
  inside: '已派给该网格的网格员处理。',
  near_border: '位置在网格边界附近，网格员如发现不属本网格，会一键转给相邻网格。',
  nearest_grid: '位置不在任何网格内，已派给最近的网格。',
  dispatcher_queue: '已交给分拨中心，由工作人员派给合适的网格。',
  outside_service_area: '该位置不在本街道服务范围内。',
}

/** Where the report went, in words; then its progress page opens by itself. */
export default function RoutedPanel({ result, onAnother }: { result: SubmitReportResult; onAnother: () => void }) {
  const [left, setLeft] = useState(AUTO_OPEN_SECONDS)
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
      <Text id='report-routed-grid' className='routed-grid'>{result.gridName ? `派往：${result.gridName}` : '派往：分拨中心'}</Text>
      <Text id='report-routed-outcome' className='routed-outcome'>{`定位结果：${ROUTING_OUTCOME_NAMES[result.routing.outcome]}`}</Text>
      <Text className='gl-muted'>{EXPLAIN[result.routing.outcome]}</Text>
      <Text className='gl-muted'>{`${left}秒后自动打开办理进度`}</Text>
      <Button id='report-view-detail' type='primary' block size='large' onClick={open}>查看办理进度</Button>
      <Button id='report-another' block size='large' onClick={onAnother}>再报一件</Button>
    </View>
  )
}
