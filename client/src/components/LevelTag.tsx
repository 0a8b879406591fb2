import { Text } from '@tarojs/components'
import { LEVEL_INFO, levelLabel, type Level } from '../../../shared/levels'

/** Four-colour level: the colour and, always, its words ("绿色 · 网格级"). */
export default function LevelTag({ level }: { level: Level }) {
  // white on the yellow is too faint to read; dark text keeps the contrast
  const color = level === 'community' ? '#1f1f1f' : '#ffffff'
  return (
    <Text className='gl-tag level-tag' style={{ backgroundColor: LEVEL_INFO[level].colour, color }} data-level={level}>
      {levelLabel(level)}
    </Text>
  )
}
