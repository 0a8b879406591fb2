import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { SubmitReportResult } from '../../../../shared/api'
import { ROUTING_OUTCOME_TABLE } from '../../../../shared/routing/outcome'
import ResidentStatusTag from '../../components/ResidentStatusTag'
import { routes } from '../../lib/routes'

/**
 * Where the report went, in a resident's words. It stays until the person taps on: nothing
 * moves the page while someone is still reading (no countdown, no timer).
 */
export default function RoutedPanel({ result, onAnother }: { result: SubmitReportResult; onAnother: () => void }) {
  const outcome = ROUTING_OUTCOME_TABLE[result.routing.outcome]
  return (
    <View id='report-routed' className='gl-card routed-panel' data-outcome={result.routing.outcome}>
      <Text className='gl-title'>提交成功</Text>
      <View className='tag-row'><ResidentStatusTag status={result.status} /></View>
      <Text id='report-case-number' className='routed-grid'>{`工单编号：${result.caseNumber}`}</Text>
      <Text className='gl-muted'>咨询办理进度时请报此编号，也可以在“我的上报”里随时查看。</Text>
      {result.expectedBy && <Text id='report-expected-by' className='routed-outcome'>{result.expectedBy}</Text>}
      <Text id='report-routed-grid' className='routed-grid'>{result.gridName ? `派往：${result.gridName}` : '派往：分拨中心'}</Text>
      <Text id='report-routed-outcome' className='routed-outcome'>{outcome.residentText}</Text>
      <Button id='report-view-detail' type='primary' block size='large' onClick={() => Taro.redirectTo({ url: routes.reportDetail(result.reportId) })}>查看办理进度</Button>
      <Button id='report-another' block size='large' onClick={onAnother}>再报一件</Button>
    </View>
  )
}
