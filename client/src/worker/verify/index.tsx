import './verify.css'
import { useDidHide, useLoad, useRouter, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { RevealedField, VerificationDetail } from '../../../../shared/api'
import type { RevealableField, ReviewDecision } from '../../../../shared/declarations/words'
import { gridLabel } from '../../../../shared/gridNames'
import { call } from '../../api/client'
import LoadState from '../../components/LoadState'
import PageShell from '../../components/PageShell'
import { formatTime } from '../../lib/time'
import { useRemote } from '../../lib/useRemote'
import ResidentLine from '../register/ResidentLine'
import DeclarationHistory from './DeclarationHistory'
import DeclarationTags from './DeclarationTags'
import PersonCard from './PersonCard'
import RevealDialog from './RevealDialog'
import ReviewForm from './ReviewForm'
import { verifyDueWords } from './verifyWords'

type Revealed = Record<string, Partial<Record<RevealableField, string>>>
interface Asking { personId: string; personName: string; field: RevealableField }

const DONE_WORDS: Record<ReviewDecision, string> = {
  approve: '已核验通过，居民会收到通知',
  reject: '已不予通过，居民会收到原因',
  ask_more: '已请居民补充信息，居民重新提交后会回到待核查',
}

/** Where the declaration stands once the worker has acted, or while it waits on the resident. */
function ReviewState({ d }: { d: VerificationDetail }) {
  if (d.status === 'more_info') {
    return <Text id='verify-waiting' className='gl-notice'>{`已请居民补充信息${d.review?.reason ? `：${d.review.reason}` : ''}。居民重新提交后再核查。`}</Text>
  }
  if (!d.review) return null
  return (
    <View id='verify-review' className='gl-card'>
      <Text className='review-state'>{`核查结果：${d.review.decisionName}`}</Text>
      {d.review.reason && <Text className='row-text'>{`原因：${d.review.reason}`}</Text>}
      <Text className='gl-muted'>{`${d.review.byName} · ${formatTime(d.review.at)}`}</Text>
    </View>
  )
}

/** 居住登记核查: who declared which people for which room, what the register already holds, and the decision. */
export default function VerifyPage() {
  const { params } = useRouter()
  const declarationId = params.id ?? ''
  const { data: d, setData, loading, error, reload } = useRemote(useCallback(() => call('worker', 'getVerification', { declarationId }), [declarationId]))
  const [notice, setNotice] = useState('')
  const [asking, setAsking] = useState<Asking | null>(null)
  // whole numbers live in this page's memory only: gone when the worker leaves it
  const [revealed, setRevealed] = useState<Revealed>({})
  const forget = () => { setRevealed({}); setAsking(null) }
  useLoad(() => { reload() })
  useDidHide(forget)
  useUnload(forget)

  const onRevealed = (r: RevealedField) => {
    setRevealed((old) => ({ ...old, [r.personId]: { ...old[r.personId], [r.field]: r.value } }))
    setAsking(null)
  }
  // someone else acted first: say so and show the declaration as it is now
  const onConflict = (message: string) => {
    setNotice(message)
    reload()
  }
  const onReviewed = (next: VerificationDetail, decision: ReviewDecision) => {
    setData(next)
    forget()
    setNotice(DONE_WORDS[decision])
  }

  const leaving = d?.kind === 'move_out' ? new Set(d.persons.map((p) => p.id)) : null
  return (
    <PageShell id='page-verify'>
      <LoadState loading={loading && !d} error={d ? undefined : error} onRetry={reload} />
      {notice && <Text id='verify-notice' className='gl-notice'>{notice}</Text>}
      {d && (
        <View>
          <View className='gl-card'>
            <DeclarationTags status={d.status} statusName={d.statusName} kind={d.kind} kindName={d.kindName} overdue={d.overdue} duplicateCount={new Set(d.duplicates.map((x) => x.personId)).size} />
            <Text id='verify-status' className='review-state'>{`状态：${d.statusName}`}</Text>
            <Text className='gl-title'>{d.addressLabel}</Text>
            <Text className='decl-line'>{gridLabel(d.communityName, d.gridName)}</Text>
            <Text className='decl-line'>{`申报类型：${d.kindName}${d.moveOutDate ? `，迁出日期 ${d.moveOutDate}` : ''}`}</Text>
            <Text id='verify-declarant' className='decl-line'>{`申报人：${d.declarant.name}，联系电话 ${d.declarant.phoneMasked ?? '未留'}，${d.standingName}`}</Text>
            <Text className='gl-muted'>{`提交于 ${formatTime(d.createdAt)}`}</Text>
            {d.dueAt !== null && <Text id='verify-due' className={d.overdue ? 'decl-due due-late' : 'decl-due'}>{`核查期限：${verifyDueWords(d.dueAt, d.overdue)}`}</Text>}
          </View>

          <View id='verify-persons' className='gl-card'>
            <Text className='gl-title'>{d.kind === 'move_out' ? `迁出的住户（${d.persons.length} 人）` : `申报的居住人（${d.persons.length} 人）`}</Text>
            {d.canReveal && <Text className='gl-muted'>号码默认只显示部分；核查确需完整号码时点“查看完整号码”，每次查看都记入审计日志。</Text>}
            {d.persons.map((p) => (
              <PersonCard key={p.id} person={p} duplicates={d.duplicates.filter((x) => x.personId === p.id)} revealed={d.canReveal ? revealed[p.id] ?? {} : {}}
                canReveal={d.canReveal} onReveal={(field) => setAsking({ personId: p.id, personName: p.name, field })} />
            ))}
          </View>

          <View id='verify-room' className='gl-card'>
            <Text className='gl-title'>{`本户已登记的实有人口（${d.roomResidents.length} 人）`}</Text>
            {d.roomResidents.length === 0 && <Text className='gl-muted'>本户在实有人口登记中还没有人</Text>}
            {d.roomResidents.map((r) => <ResidentLine key={r.id} resident={r} note={leaving?.has(r.id) ? '本次迁出' : undefined} />)}
          </View>

          {d.status === 'pending' ? <ReviewForm detail={d} onDone={onReviewed} onConflict={onConflict} /> : <ReviewState d={d} />}

          <View className='gl-card'>
            <Text className='gl-title'>办理过程</Text>
            <DeclarationHistory events={d.history} />
          </View>
        </View>
      )}
      {d && asking && (
        <RevealDialog declarationId={d.id} personId={asking.personId} personName={asking.personName} field={asking.field}
          onRevealed={onRevealed} onClose={() => setAsking(null)} />
      )}
    </PageShell>
  )
}
