import { Text, View } from '@tarojs/components'

interface Chip { id: string; name: string }
interface Props {
  /** the caller's grids, when more than one */
  grids: Chip[]
  gridId: string | undefined
  onGrid: (id: string) => void
  buildings: Chip[]
  buildingId: string | undefined
  onBuilding: (id: string | undefined) => void
  movedOut: boolean
  onMovedOut: (on: boolean) => void
}

const chip = (on: boolean) => (on ? 'chip chip-on' : 'chip')

/** Which grid (for staff of several), which building, and whether those living there or those who left. */
export default function RegisterFilters(p: Props) {
  return (
    <View id='register-filters'>
      {p.grids.length > 1 && (
        <View>
          <Text className='register-filter-name'>网格</Text>
          <View id='register-grids' className='chip-row'>
            {p.grids.map((g) => (
              <Text key={g.id} id={`register-grid-${g.id}`} className={chip(p.gridId === g.id)} onClick={() => p.onGrid(g.id)}>
                {g.name}
              </Text>
            ))}
          </View>
        </View>
      )}
      <Text className='register-filter-name'>住户</Text>
      <View id='register-moved' className='chip-row'>
        <Text id='register-current' className={chip(!p.movedOut)} onClick={() => p.onMovedOut(false)}>在住</Text>
        <Text id='register-moved-out' className={chip(p.movedOut)} onClick={() => p.onMovedOut(true)}>已迁出</Text>
      </View>
      {p.buildings.length > 0 && (
        <View>
          <Text className='register-filter-name'>楼栋</Text>
          <View id='register-buildings' className='chip-row'>
            <Text id='register-building-all' className={chip(p.buildingId === undefined)} onClick={() => p.onBuilding(undefined)}>全部楼栋</Text>
            {p.buildings.map((b) => (
              <Text key={b.id} id={`register-building-${b.id}`} className={chip(p.buildingId === b.id)} onClick={() => p.onBuilding(b.id)}>{b.name}</Text>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
