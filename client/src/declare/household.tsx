import './declare.css'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { DeclarationView, MyResidence } from '../../../shared/api'
import { call } from '../api/client'
import { getUser } from '../api/session'
import LoadState from '../components/LoadState'
import PageShell from '../components/PageShell'
import { useRemote } from '../lib/useRemote'
import DeclarationCard from './DeclarationCard'
import { rememberDeclared } from './entry'
import HouseholdCard from './HouseholdCard'
import { sentWords } from './sentWords'
import { routes } from '../lib/routes'

/** Anything still standing: home then offers this page rather than a new form. */
const declaredAny = (r: MyResidence) => r.households.length > 0 || r.declarations.some((d) => d.status !== 'withdrawn' && d.status !== 'rejected')

/** 我的居住登记: the households the person declared, and every declaration with its state in words. */
export default function HouseholdPage() {
  const { params } = useRouter()
  const [notice, setNotice] = useState('')
  const [movingOut, setMovingOut] = useState<string | null>(null)
  const load = useCallback(async () => {
    const r = await call('resident', 'myResidence', {})
    const user = getUser()
    if (user) rememberDeclared(user.id, declaredAny(r))
    return r
  }, [])
  const { data, setData, loading, error, reload } = useRemote(load)
  // back from the form (a person added, more information sent): read again
  useDidShow(() => { reload() })

  const justSent = params.done ? data?.declarations.find((d) => d.id === params.done) : undefined
  const sent = justSent && sentWords(justSent)
  const replace = (d: DeclarationView) => setData((r) => r && { ...r, declarations: r.declarations.map((x) => (x.id === d.id ? d : x)) })
  const movedOut = (d: DeclarationView) => {
    setMovingOut(null)
    setNotice(`已提交${d.addressLabel}的迁出注销，状态：${d.statusName}。网格员核查后会通知您。`)
    setData((r) => r && { ...r, declarations: [d, ...r.declarations.filter((x) => x.id !== d.id)] })
  }
  const stale = (message: string) => {
    setNotice(message)
    reload()
  }

  const empty = !!data && data.households.length === 0 && data.declarations.length === 0
  return (
    <PageShell id='page-household'>
      <Text className='gl-title'>我的居住登记</Text>
      {sent && (
        <View id='household-sent' className='gl-card declare-sent' ariaRole='status'>
          <Text className='declare-sent-title'>{sent.title}</Text>
          <Text>{sent.text}</Text>
        </View>
      )}
      {notice && <Text id='household-notice' className='gl-notice'>{notice}</Text>}
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={reload} />
      {data && error && <Text className='gl-notice'>{`没有刷新成功：${error}`}</Text>}
      {empty && (
        <View id='household-empty' className='gl-card declare-empty'>
          <Text>您还没有登记过住址。登记后，网格员核查确认，您就能在首页看到本网格的网格员和电话。</Text>
          <Text id='household-start' className='gl-big-btn declare-start' onClick={() => Taro.navigateTo({ url: routes.declareForm() })}>开始登记</Text>
        </View>
      )}
      {data && data.households.length > 0 && <Text className='declare-section'>我家住址</Text>}
      {data?.households.map((h) => (
        <HouseholdCard key={h.roomId} h={h} movingOut={movingOut === h.roomId} onMoveOut={(open) => setMovingOut(open ? h.roomId : null)} onMovedOut={movedOut} />
      ))}
      {data && data.declarations.length > 0 && <Text className='declare-section'>申报记录（最新的在前）</Text>}
      {data && [...data.declarations].sort((a, b) => b.createdAt - a.createdAt).map((d) => <DeclarationCard key={d.id} d={d} onChanged={replace} onStale={stale} />)}
      {data && !empty && (
        <Text id='household-new' className='gl-mini-btn' onClick={() => Taro.navigateTo({ url: routes.declareForm() })}>登记另一处住址</Text>
      )}
    </PageShell>
  )
}
