import { Text, View } from '@tarojs/components'
import { useState } from 'react'

export interface ProblemLine {
  /** where: "第3个网格（features[2]）", "第5行" */
  where: string
  /** the field or column, as the file names it */
  field: string
  message: string
}

// A broken export can fail every feature: the first ones make the cause plain, the rest on request.
const SHOWN = 30

/** Every problem of an import, each with where it is and which field: nothing is imported while one remains. */
export default function ProblemList({ id, title, problems }: { id: string; title: string; problems: ProblemLine[] }) {
  const [all, setAll] = useState(false)
  if (problems.length === 0) return null
  const shown = all ? problems : problems.slice(0, SHOWN)
  return (
    <View id={id} className='gl-card admin-problems' ariaRole='alert'>
      <Text className='admin-problems-title'>{`${title}：${problems.length} 个问题，改好之前不会导入任何内容`}</Text>
      {shown.map((p, i) => (
        <View key={i} className='admin-problem'>
          <Text className='admin-problem-where'>{`${p.where} · ${p.field}`}</Text>
          <Text className='admin-problem-message'>{p.message}</Text>
        </View>
      ))}
      {problems.length > SHOWN && (
        <Text className='gl-link' onClick={() => setAll(!all)}>{all ? '收起' : `显示全部 ${problems.length} 个问题`}</Text>
      )}
    </View>
  )
}
