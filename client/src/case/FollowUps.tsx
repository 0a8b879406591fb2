import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { ReportDetail } from '../../../shared/api'
import { call, toApiError, type ApiError } from '../api/client'
import { formatTime } from '../lib/time'
import AddInfoForm from './AddInfoForm'
import WithdrawForm from './WithdrawForm'

type Open = 'withdraw' | 'addInfo' | null

/** When 催办 is not yet possible: after the expected time, or a day after the last urge. */
function urgeLater(r: ReportDetail): string | null {
  if (r.canUrge || r.urgeAfter === null) return null
  const at = formatTime(r.urgeAfter)
  return r.timeline.some((e) => e.action === 'urge') ? `已催办过，${at}后可以再次催办` : `预计时间过后可以催办（${at}后）`
}

/**
 * What the reporter can still do (补充说明, 催办, 撤回), each shown only when the server says it
 * is possible. A CONFLICT (someone acted in between) goes to the page, which says why and reloads.
 */
export default function FollowUps({ report: r, onChanged, onConflict }: { report: ReportDetail; onChanged: (d: ReportDetail) => void; onConflict: (message: string) => void }) {
  const [open, setOpen] = useState<Open>(null)
  const [urging, setUrging] = useState(false)
  const later = urgeLater(r)
  if (!r.canWithdraw && !r.canAddInfo && !r.canUrge && !later) return null

  const conflict = (err: ApiError) => {
    setOpen(null)
    onConflict(err.message)
  }
  const done = (title: string) => (d: ReportDetail) => {
    setOpen(null)
    onChanged(d)
    Taro.showToast({ title, icon: 'none' })
  }
  const urge = async () => {
    if (urging) return
    setUrging(true)
    try {
      done('已催办，处理人会收到提醒')(await call('resident', 'urgeReport', { reportId: r.reportId }))
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') conflict(err)
      else Taro.showToast({ title: err.message, icon: 'none' })
    } finally {
      setUrging(false)
    }
  }

  return (
    <View id='follow-ups' className='gl-card'>
      <Text className='gl-title'>还可以做什么</Text>
      {open === 'addInfo' && <AddInfoForm reportId={r.reportId} onDone={done('已补充，处理人会收到')} onConflict={conflict} onCancel={() => setOpen(null)} />}
      {open === 'withdraw' && <WithdrawForm reportId={r.reportId} onDone={done('已撤回')} onConflict={conflict} onCancel={() => setOpen(null)} />}
      {open === null && (
        <View>
          {r.canAddInfo && <Button id='follow-add-info' block size='large' onClick={() => setOpen('addInfo')}>补充说明</Button>}
          {r.canUrge && <Button id='follow-urge' type='primary' block size='large' loading={urging} onClick={urge}>催办</Button>}
          {later && <Text id='follow-urge-later' className='gl-notice'>{later}</Text>}
          {r.canWithdraw && <Button id='follow-withdraw' block size='large' onClick={() => setOpen('withdraw')}>撤回反映</Button>}
        </View>
      )}
    </View>
  )
}
