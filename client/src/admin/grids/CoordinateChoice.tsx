import { Text, View } from '@tarojs/components'
import type { CoordinateSystem } from '../../../../shared/gridImport/coordinates'

const CHOICES: { id: CoordinateSystem; name: string; note: string }[] = [
  { id: 'wgs84', name: 'WGS-84', note: 'GPS 坐标，测绘文件最常见' },
  { id: 'cgcs2000', name: 'CGCS2000', note: '国家2000坐标系（经纬度）' },
  { id: 'gcj02', name: 'GCJ-02', note: '微信、腾讯、高德地图坐标' },
]

/**
 * The file's coordinate system, chosen on purpose: no default, because a guess that is wrong
 * moves every border 300–600 m and sends reports to the neighbouring grid.
 */
export default function CoordinateChoice({ value, onChange }: { value: CoordinateSystem | null; onChange: (v: CoordinateSystem) => void }) {
  return (
    <View className='gl-field' id='grids-from'>
      <Text className='gl-label'>文件的坐标系</Text>
      <Text className='gl-muted'>测绘单位提供的文件通常是 WGS-84；选错坐标系，整张地图会偏 300–600 米。不确定请询问提供文件的单位。</Text>
      <View className='admin-choice-row'>
        {CHOICES.map((c) => (
          <View key={c.id} id={`grids-from-${c.id}`} className={value === c.id ? 'admin-choice admin-choice-on' : 'admin-choice'} ariaRole='radio'
            ariaLabel={`${c.name}${value === c.id ? '（已选）' : ''}`} onClick={() => onChange(c.id)}>
            <Text className='admin-choice-name'>{value === c.id ? `✓ ${c.name}` : c.name}</Text>
            <Text className='admin-choice-note'>{c.note}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
