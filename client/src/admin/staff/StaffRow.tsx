import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BindingCode, StaffRecord } from '../../../../shared/api'
import { isGridStaffRole } from '../../../../shared/roles'
import { call, toApiError } from '../../api/client'
import CodePanel from './CodePanel'
import LeaveForm from './LeaveForm'
import StaffPhoto from './StaffPhoto'
import { bindingWords, leaveWords } from './staffWords'

interface Props { staff: StaffRecord; onChange: (s: StaffRecord) => void }

const confirm = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b42318' })).confirm

/** One staff member: who, where, bound or not, on leave or not, their photo, and what can be done about it. */
export default function StaffRow({ staff: s, onChange }: Props) {
  const [code, setCode] = useState<BindingCode | null>(null)
  const [leaveOpen, setLeaveOpen] = useState(false)
  const [busy, setBusy] = useState('')
  const [error, setError] = useState('')
  const leave = leaveWords(s)

  const act = async (what: string, run: () => Promise<void>) => {
    if (busy) return
    setBusy(what)
    setError('')
    try {
      await run()
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy('')
    }
  }

  const issue = () => act('code', async () => {
    if (s.codeExpiresAt !== null && s.codeExpiresAt > Date.now()
      && !(await confirm('重新生成绑定码', `${s.name} 还有一个未使用的绑定码。重新生成后旧码立即作废，确定吗？`, '重新生成'))) return
    const c = await call('admin', 'issueBindingCode', { userId: s.userId })
    setCode(c)
    onChange({ ...s, codeExpiresAt: c.expiresAt })
  })
  const unbind = () => act('unbind', async () => {
    if (!(await confirm('解除绑定', `解除后 ${s.name} 的微信不能再处理网格工作，需要重新生成绑定码并绑定。确定解除吗？`, '解除绑定'))) return
    onChange(await call('admin', 'unbindStaff', { userId: s.userId }))
  })
  const endLeave = () => act('endLeave', async () => {
    if (!(await confirm('结束请假', `结束后本网格的新任务回到 ${s.name} 本人。确定结束请假吗？`, '结束请假'))) return
    onChange(await call('admin', 'endLeave', { userId: s.userId }))
  })

  return (
    <View className={leave ? 'gl-card admin-staff admin-staff-leave' : 'gl-card admin-staff'} data-user-id={s.userId} id={`staff-${s.userId}`}>
      <View className='admin-staff-head'>
        <Text className='row-title'>{`${s.name}（${s.roleName}）`}</Text>
        <Text className='gl-muted'>{`${s.placeName} · ${s.phone}`}</Text>
      </View>
      <Text className={s.bound ? 'admin-state admin-state-ok' : 'admin-state admin-state-todo'} data-field='binding'>{bindingWords(s)}</Text>
      {leave && <Text className='admin-state admin-state-leave' data-field='leave'>{leave}</Text>}
      {/* only grid staff are on a resident's contact card */}
      {isGridStaffRole(s.role) && <StaffPhoto staff={s} onChange={onChange} />}
      {code && <CodePanel code={code} name={s.name} onClose={() => setCode(null)} />}
      {leaveOpen && <LeaveForm staff={s} onCancel={() => setLeaveOpen(false)} onDone={(r) => { setLeaveOpen(false); onChange(r) }} />}
      {error && <View className='form-error' ariaRole='alert'>{error}</View>}
      <View className='admin-row-actions'>
        {s.bound ? (
          <Text className='gl-mini-btn admin-danger' data-action='unbind' onClick={unbind}>{busy === 'unbind' ? '正在解除…' : '解除绑定'}</Text>
        ) : (
          <Text className='gl-mini-btn' data-action='issue' onClick={issue}>
            {busy === 'code' ? '正在生成…' : s.codeExpiresAt !== null ? '重新生成绑定码' : '生成绑定码'}
          </Text>
        )}
        {/* dispatchers take no leave here: their queue is shared by the other dispatchers of their centre */}
        {!isGridStaffRole(s.role) ? null : s.leave && s.leave.until > Date.now() ? (
          <Text className='gl-mini-btn' data-action='end-leave' onClick={endLeave}>{busy === 'endLeave' ? '正在结束…' : '结束请假'}</Text>
        ) : !leaveOpen && (
          <Text className='gl-mini-btn' data-action='leave' onClick={() => setLeaveOpen(true)}>设置请假</Text>
        )}
      </View>
    </View>
  )
}
