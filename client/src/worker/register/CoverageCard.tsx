import { Text, View } from '@tarojs/components'
import type { Coverage } from '../../../../shared/api'
import { coveragePercent, coverageWords } from './coverageWords'

/** 申报率 in words first; the bar only repeats it. */
export default function CoverageCard({ gridName, coverage }: { gridName: string; coverage: Coverage }) {
  const percent = coveragePercent(coverage)
  return (
    <View id='register-coverage' className='gl-card'>
      <Text className='gl-title'>{`${gridName} 实有人口`}</Text>
      <Text id='register-coverage-words' className='coverage-words'>{coverageWords(coverage)}</Text>
      {coverage.rate !== null && (
        <View className='coverage-bar' ariaRole='img' ariaLabel={`申报率 ${percent}%`}>
          <View className='coverage-bar-fill' style={{ width: `${percent}%` }} />
        </View>
      )}
      <Text id='register-coverage-note' className='gl-muted'>申报率 = 已核验的户数 ÷ 已知的户数（本网格已导入的每套房屋算一户）</Text>
    </View>
  )
}
