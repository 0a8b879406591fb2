import { Text, View } from '@tarojs/components'
import { useState } from 'react'

export interface PlanGroup {
  key: string
  title: string
  items: string[]
  /** removals are the ones to read twice */
  tone?: 'warn'
}

/** what is counted: grids come in 个, people in 人 */
type Unit = '个' | '人' | '栋'

// A district's file holds hundreds of grids: the first few of each group, the rest on request.
const SHOWN = 12

function Group({ idPrefix, group, unit }: { idPrefix: string; group: PlanGroup; unit: Unit }) {
  const [all, setAll] = useState(false)
  const items = all ? group.items : group.items.slice(0, SHOWN)
  return (
    <View id={`${idPrefix}-${group.key}`} className={group.tone === 'warn' && group.items.length > 0 ? 'admin-plan-group admin-plan-warn' : 'admin-plan-group'}>
      <Text className='admin-plan-title'>{`${group.title}：${group.items.length} ${unit}`}</Text>
      {items.length > 0 && (
        <View className='admin-plan-items'>
          {items.map((item) => <Text key={item} className='admin-plan-item'>{item}</Text>)}
        </View>
      )}
      {group.items.length > SHOWN && (
        <Text className='gl-link admin-plan-more' onClick={() => setAll(!all)}>{all ? '收起' : `展开全部（共 ${group.items.length} ${unit}）`}</Text>
      )}
    </View>
  )
}

/** What an import would do (or did), group by group, with the count in words. */
export default function PlanLists({ idPrefix, groups, unit = '个' }: { idPrefix: string; groups: PlanGroup[]; unit?: Unit }) {
  return (
    <View className='admin-plan'>
      {groups.map((g) => <Group key={g.key} idPrefix={idPrefix} group={g} unit={unit} />)}
    </View>
  )
}
