import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import type { StaffRecord } from '../../../../shared/api'
import { isGridStaffRole } from '../../../../shared/roles'
import { setLeaveSchema } from '../../../../shared/schemas/admin'
import { call, errorMessage } from '../../api/client'
import FieldError from '../../components/FieldError'
import { check, useFormSend } from '../../lib/fieldErrors'
import DateField from '../common/DateField'
import { leaveWords } from './staffWords'

interface Props { staff: StaffRecord; onDone: (s: StaffRecord) => void; onCancel: () => void }

const TODAY = () => dayjs().format('YYYY-MM-DD')

/** Who can cover: the grid staff of the same community (else street), never the person on leave (setLeave's rule). */
function useSubstitutes(staff: StaffRecord) {
  const [people, setPeople] = useState<StaffRecord[] | null>(null)
  const [error, setError] = useState('')
  const load = useCallback(async () => {
    setError('')
    try {
      const area = staff.communityId ? { communityId: staff.communityId } : staff.streetId ? { streetId: staff.streetId } : {}
      const page = await call('admin', 'listStaff', { ...area, limit: 100 })
      setPeople(page.items.filter((p) => p.userId !== staff.userId && isGridStaffRole(p.role)))
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [staff.userId, staff.communityId, staff.streetId])
  useEffect(() => { load() }, [load])
  return { people, error, reload: load }
}

/**
 * 设置请假: from the first day to the last (whole days, the phone's time zone), and who takes
 * the grid's new tasks meanwhile.
 */
export default function LeaveForm({ staff, onDone, onCancel }: Props) {
  const subs = useSubstitutes(staff)
  const [from, setFrom] = useState(TODAY())
  const [until, setUntil] = useState('')
  const [substituteId, setSubstituteId] = useState('')
  const { errors, setErrors, edit, formError, sending, send } = useFormSend()

  const submit = async () => {
    if (sending) return
    // a leave that starts today starts now: the hours already gone are no one's to cover
    const start = from === TODAY() ? Date.now() : dayjs(from).startOf('day').valueOf()
    const input = { userId: staff.userId, from: from ? start : undefined, until: until ? dayjs(until).endOf('day').valueOf() : undefined, substituteId }
    const checked = check(setLeaveSchema, input)
    if (!checked.ok) {
      // the schema names the id field; a person picking from a list is better told what to do
      setErrors({ ...checked.fields, ...(substituteId ? {} : { substituteId: '请选择代班人员' }) })
      return
    }
    const saved = await send(() => call('admin', 'setLeave', checked.value))
    if (saved) onDone(saved)
  }

  return (
    <View className='admin-leave-form' id={`leave-form-${staff.userId}`}>
      <Text className='gl-label'>{`${staff.name} 请假`}</Text>
      <View className='admin-date-row'>
        <DateField name='from' idPrefix='leave' label='第一天' value={from} start={TODAY()} onChange={edit('from', setFrom)} error={errors.from} />
        <DateField name='until' idPrefix='leave' label='最后一天' value={until} start={from || TODAY()} onChange={edit('until', setUntil)} error={errors.until} />
      </View>
      <Text className='gl-label'>代班人员（请假期间本网格的新任务交给他）</Text>
      {subs.error && <Text className='form-error'>{`代班人员名单加载失败：${subs.error}`}</Text>}
      {!subs.people && !subs.error && <Text className='gl-muted'>正在加载本社区人员…</Text>}
      {subs.people?.length === 0 && <Text className='gl-notice'>本社区没有其他网格员或网格长可以代班，请先导入人员名单。</Text>}
      <View id='leave-substitute' className='chip-row'>
        {subs.people?.map((p) => (
          <Text key={p.userId} id={`leave-sub-${p.userId}`} className={substituteId === p.userId ? 'chip chip-on' : 'chip'}
            onClick={() => edit('substituteId', setSubstituteId)(p.userId)}>
            {`${p.name}（${p.roleName} · ${p.placeName}${leaveWords(p) ? '，请假中' : ''}）`}
          </Text>
        ))}
      </View>
      <FieldError name='substituteId' message={errors.substituteId} />
      {formError && <View id='leave-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <View className='admin-row-actions'>
        <Button id='leave-submit' type='primary' size='large' loading={sending} onClick={submit}>确定请假</Button>
        <Button id='leave-cancel' size='large' onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}
