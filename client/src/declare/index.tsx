import './declare.css'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useMemo } from 'react'
import type { DeclarationView, MyResidence } from '../../../shared/api'
import { OPEN_DECLARATION_STATUSES } from '../../../shared/declarations/words'
import { isReporterRole } from '../../../shared/roles'
import { call } from '../api/client'
import { getUser } from '../api/session'
import { mayFileOnBehalf, onlyOnBehalf } from '../lib/onBehalf'
import LoadState from '../components/LoadState'
import PageShell from '../components/PageShell'
import { newRequestId } from '../lib/requestId'
import { formatTime } from '../lib/time'
import { useRemote } from '../lib/useRemote'
import DeclareForm from './DeclareForm'
import { draftKey, loadDeclareDraft, type DraftPurpose } from './drafts'
import { rememberDeclared } from './entry'
import { addressOfHousehold, emptyFill, fillFromDeclaration, type AddressChoice, type DeclareFill } from './fill'
import { routes } from '../lib/routes'
import { prefetchGrantTemplates } from '../lib/grants'

type Opening =
  | { kind: 'form'; amending?: DeclarationView; blank: () => DeclareFill; notice?: string }
  | { kind: 'closed'; message: string }

/** What the query asks for, read against the person's own declarations and households. */
function openingOf(residence: MyResidence | null, amendId: string, roomId: string): Opening {
  if (amendId) {
    const d = residence?.declarations.find((x) => x.id === amendId)
    if (!d) return { kind: 'closed', message: '没有找到这份申报，它可能已被撤回。请在“我的居住登记”中查看。' }
    if (!OPEN_DECLARATION_STATUSES.includes(d.status)) return { kind: 'closed', message: `这份申报${d.statusName}，不能再补充或修改。` }
    return { kind: 'form', amending: d, blank: () => fillFromDeclaration(d) }
  }
  if (roomId) {
    const h = residence?.households.find((x) => x.roomId === roomId)
    const d = residence?.declarations.find((x) => x.roomId === roomId)
    const address: AddressChoice | null = h ? addressOfHousehold(h) : d ? { roomId, communityName: d.communityName, label: d.addressLabel } : null
    return { kind: 'form', blank: () => emptyFill(address), notice: address ? undefined : '没有找到要添加居住人的住址，请重新选择。' }
  }
  return { kind: 'form', blank: () => emptyFill() }
}

export default function DeclarePage() {
  const { params } = useRouter()
  const amendId = params.amend ?? ''
  const roomId = params.roomId ?? ''
  const user = getUser()
  const purpose: DraftPurpose = amendId ? { amend: amendId } : roomId ? { roomId } : null
  const key = draftKey(user?.id ?? 'anon', purpose)
  // a new declaration needs nothing from the server to start; a prefill or an answer does
  const load = useCallback(async () => ({ residence: amendId || roomId ? await call('resident', 'myResidence', {}) : null }), [amendId, roomId])
  const { data, loading, error, reload } = useRemote(load)
  useLoad(() => {
    prefetchGrantTemplates()
    reload()
  })

  const opening = useMemo(() => (data ? openingOf(data.residence, amendId, roomId) : null), [data])
  const start = useMemo(() => {
    if (opening?.kind !== 'form') return null
    const draft = loadDeclareDraft(key)
    if (!draft) return { fill: opening.blank(), requestId: newRequestId() }
    // an answer's room is the declaration's, whatever the draft says
    return opening.amending ? { ...draft, fill: { ...draft.fill, address: opening.blank().address } } : draft
  }, [opening])

  const sent = async (d: DeclarationView, filedOnBehalf: boolean) => {
    if (!filedOnBehalf) {
      if (user) rememberDeclared(user.id, true)
      Taro.redirectTo({ url: routes.household(d.id) })
      return
    }
    // not the filer's household: say where it went, and go back once it has been read (no timer)
    await Taro.showModal({
      title: '已代居民提交', content: `${d.communityName} ${d.addressLabel} 的居住登记已提交（${d.statusName}），网格员核查后请电话告知居民结果。`,
      showCancel: false, confirmText: '知道了',
    })
    Taro.navigateBack()
  }

  const amending = opening?.kind === 'form' ? opening.amending : undefined
  return (
    <PageShell id='page-declare'>
      <Text className='gl-title'>{amendId ? '补充居住登记信息' : '居住登记（自主申报）'}</Text>
      <Text className='gl-muted'>登记您家的住址和住在这里的人，网格员核查后记入社区实有人口，并为您确定所属网格和网格员。</Text>
      {/* grid staff have no household of their own here */}
      {!onlyOnBehalf(user?.role) && (
        <Text id='declare-go-household' className='gl-link declare-top-link' onClick={() => Taro.navigateTo({ url: routes.household() })}>查看我的居住登记</Text>
      )}
      {user && !isReporterRole(user.role) && !mayFileOnBehalf(user.role) ? (
        <Text id='declare-staff' className='gl-notice'>居住登记由居民本人（或房东为租户）申报，网格员和志愿者可以代居民申报。本账号不能申报，请用本人的居民身份登记。</Text>
      ) : (
        <>
          <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={reload} />
          {opening?.kind === 'closed' && <Text id='declare-closed' className='gl-notice'>{opening.message}</Text>}
          {amending?.review?.reason && (
            <View id='declare-reason' className='gl-card declare-reason'>
              <Text className='declare-reason-title'>{`网格员${amending.status === 'more_info' ? '请您补充' : '的意见'}`}</Text>
              <Text className='declare-reason-text'>{amending.review.reason}</Text>
              <Text className='gl-muted'>{`${amending.review.byName} · ${formatTime(amending.review.at)}`}</Text>
            </View>
          )}
          {opening?.kind === 'form' && opening.notice && <Text id='declare-notice' className='gl-notice'>{opening.notice}</Text>}
          {opening?.kind === 'form' && start && (
            <DeclareForm key={key} amending={amending} start={start} blank={opening.blank} draftKey={key} onSent={sent}
              onBehalf={user && mayFileOnBehalf(user.role) ? { only: onlyOnBehalf(user.role) } : undefined} />
          )}
        </>
      )}
    </PageShell>
  )
}
