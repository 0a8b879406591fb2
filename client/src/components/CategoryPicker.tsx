import { Text, View } from '@tarojs/components'
import type { CategoryName as Category } from '../../../shared/categories'
import FieldError from './FieldError'

interface Props { catalogue: Category[]; value: string; onChange: (code: string) => void; error?: string }

// Every category visible at once, grouped, as big chips: no scrolling wheel for older hands.
export default function CategoryPicker({ catalogue, value, onChange, error }: Props) {
  const groups: { group: string; items: Category[] }[] = []
  for (const c of catalogue) {
    const g = groups.find((x) => x.group === c.group)
    if (g) g.items.push(c)
    else groups.push({ group: c.group, items: [c] })
  }
  return (
    <View className='gl-field' id='report-category'>
      <Text className='gl-label'>问题类别</Text>
      {groups.map(({ group, items }) => (
        <View key={group} className='category-group'>
          <Text className='category-group-name'>{group}</Text>
          <View className='chip-row'>
            {items.map((c) => (
              <Text key={c.code} id={`category-${c.code}`} className={c.code === value ? 'chip chip-on' : 'chip'}
                aria-selected={c.code === value} onClick={() => onChange(c.code)}>
                {c.code === value ? `✓ ${c.name}` : c.name}
              </Text>
            ))}
          </View>
        </View>
      ))}
      <FieldError name='category' message={error} />
    </View>
  )
}
