import { Text, View } from '@tarojs/components'
import type { ConsolePage } from '../../../../shared/api'
import { ROLE_NAMES, type Role } from '../../../../shared/roles'
import FieldError from '../../components/FieldError'

export type ConsoleGrid = ConsolePage['grids'][number]
export interface AssignChoice { gridId: string; assigneeId?: string }

interface Props {
  /** `<idPrefix>-grid-<id>`, `<idPrefix>-staff-<id>`: one per grid and person, for tests and screen readers alike */
  idPrefix: string
  grids: ConsoleGrid[]
  value: AssignChoice
  onChange: (v: AssignChoice) => void
  errors: Record<string, string>
}

const chip = (on: boolean) => (on ? 'chip chip-on' : 'chip')
// the server sends the role's name (网格员); a role code is named here all the same
const roleName = (role: string) => ROLE_NAMES[role as Role] ?? role

/**
 * 派单: a grid, then (optionally) one of its staff. Without a person the server hands it to
 * the grid's worker on duty, or their substitute on leave.
 */
export default function AssignPicker({ idPrefix, grids, value, onChange, errors }: Props) {
  const grid = grids.find((g) => g.gridId === value.gridId)
  return (
    <View className='assign-picker'>
      <Text className='gl-label'>派给哪个网格</Text>
      <View id={`${idPrefix}-grids`} className='chip-row'>
        {grids.map((g) => (
          <Text key={g.gridId} id={`${idPrefix}-grid-${g.gridId}`} className={chip(value.gridId === g.gridId)} onClick={() => onChange({ gridId: g.gridId })}>
            {g.gridName}
          </Text>
        ))}
      </View>
      <FieldError name='gridId' message={errors.gridId} />
      {grid && (
        <View>
          <Text className='gl-label'>交给谁（可不选）</Text>
          <View id={`${idPrefix}-staff`} className='chip-row'>
            <Text id={`${idPrefix}-staff-duty`} className={chip(!value.assigneeId)} onClick={() => onChange({ gridId: grid.gridId })}>本网格值班人员</Text>
            {grid.staff.map((s) => (
              <Text key={s.id} id={`${idPrefix}-staff-${s.id}`} className={chip(value.assigneeId === s.id)} onClick={() => onChange({ gridId: grid.gridId, assigneeId: s.id })}>
                {`${s.name}（${roleName(s.role)}${s.onLeave ? '，请假中' : ''}）`}
              </Text>
            ))}
          </View>
          <FieldError name='assigneeId' message={errors.assigneeId} />
        </View>
      )}
    </View>
  )
}
