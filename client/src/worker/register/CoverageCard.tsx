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
      <Text className='gl-muted'>申报率 = 有已核验住户的房屋 ÷ 本网格已导入的房屋</Text>
    </View>
  )
}
