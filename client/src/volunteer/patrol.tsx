import './volunteer.css'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PatrolView } from '../../../shared/api'
import { call, toApiError } from '../api/client'
import LoadState from '../components/LoadState'
import MoreButton from '../components/MoreButton'
import PageShell from '../components/PageShell'
import { FOCUSABLE } from '../lib/focusable'
import { locate } from '../lib/locate'
import { routes } from '../lib/routes'
import { formatTime } from '../lib/time'
import { usePaged } from '../lib/usePaged'
import PatrolCard, { PatrolStats } from './PatrolCard'
import { forgetStartRequest, keepOpenPatrol, keptOpenPatrol, startRequestId } from './patrolStore'

type Step = 'start' | 'checkIn' | 'end'
const STEP_WORDS: Record<Step, string> = { start: '开始巡查', checkIn: '打卡', end: '结束巡查' }
// nothing is sent without the place: a check-in is a place and a time
const NO_LOCATION = (step: Step) =>
  `没有取得您的位置，未能${STEP_WORDS[step]}。巡查打卡要记下您走到的地方，请在设置中允许“网格通”使用位置后再试。`
const NETWORK = (step: Step) => `网络不通，请再点“${STEP_WORDS[step]}”（不会重复记录）`

/** 巡查打卡: a volunteer's walk through their micro-grid, the check-ins on it and what they reported. */
export default function PatrolPage() {
  const [open, setOpenState] = useState<PatrolView | null>(keptOpenPatrol)
  const [busy, setBusy] = useState<Step | null>(null)
  const [note, setNote] = useState('')
  const [done, setDone] = useState('')
  const [now, setNow] = useState(Date.now())
  // a start, check-in or end since a list load began: that load's answer may be older than it
  const moves = useRef(0)

  const setOpen = (p: PatrolView | null) => {
    setOpenState(p)
    keepOpenPatrol(p)
  }

  const load = useCallback(async (p: { cursor?: string; limit: number }) => {
    const movesBefore = moves.current
    const page = await call('resident', 'listPatrols', p)
    // the server's open patrol wins over the phone's copy; one ended elsewhere is forgotten
    if (!p.cursor && moves.current === movesBefore) {
      const stillOpen = page.items.find((x) => x.endedAt === null) ?? null
      setOpenState(stillOpen)
      keepOpenPatrol(stillOpen)
    }
    return page
  }, [])
  const list = usePaged(load)
  useDidShow(() => { list.reload() })

  // the time walked, a minute at a time; nothing on the page moves because of it
  useEffect(() => {
    if (!open) return undefined
    const timer = setInterval(() => setNow(Date.now()), 60000)
    return () => clearInterval(timer)
  }, [open])

  const run = async (step: Step, send: (where: { lng: number; lat: number; accuracyM?: number }) => Promise<PatrolView>) => {
    setNote('')
    setDone('')
    setBusy(step)
    try {
      let where
      try {
        where = await locate()
      } catch {
        setNote(NO_LOCATION(step))
        return
      }
      const location = { lng: where.lng, lat: where.lat, ...(where.accuracyM !== undefined ? { accuracyM: where.accuracyM } : {}) }
      try {
        const patrol = await send(location)
        moves.current += 1
        setNow(Date.now())
        setOpen(patrol.endedAt === null ? patrol : null)
        if (step === 'checkIn') setDone(`已打卡：${formatTime(patrol.checkIns[patrol.checkIns.length - 1]?.at ?? Date.now())}`)
        if (step === 'end') {
          setDone('巡查已结束，记录在下面')
          list.reload()
        }
      } catch (e) {
        const err = toApiError(e)
        setNote(err.network ? NETWORK(step) : err.message)
        // another phone started or ended one: the list says which is open now
        if (err.code === 'CONFLICT' || err.code === 'NOT_FOUND') {
          if (step === 'start') forgetStartRequest()
          list.reload()
        }
      }
    } finally {
      setBusy(null)
    }
  }

  const start = () => run('start', async (location) => {
    // kept until it succeeds: a retry after a lost answer is the same patrol
    const patrol = await call('resident', 'startPatrol', { location }, { requestId: startRequestId() })
    forgetStartRequest()
    return patrol
  })
  const checkIn = () => open && run('checkIn', (location) => call('resident', 'checkInPatrol', { patrolId: open.id, location }))
  const end = () => open && run('end', (location) => call('resident', 'endPatrol', { patrolId: open.id, location }))
  const past = list.items.filter((p) => p.endedAt !== null)

  return (
    <PageShell id='page-patrol'>
      {open ? (
        <View id='patrol-open' className='gl-card' data-patrol-id={open.id}>
          <Text id='patrol-state' className='gl-title'>{`正在巡查${open.gridName ? `：${open.gridName}` : ''}`}</Text>
          <Text className='gl-muted'>{`${formatTime(open.startedAt)} 开始`}</Text>
          <PatrolStats patrol={open} now={now} />
          <View className='patrol-actions'>
            <View id='patrol-check-in' className='gl-big-btn patrol-main' ariaRole='button' {...FOCUSABLE} onClick={busy ? undefined : checkIn}>
              {busy === 'checkIn' ? '正在打卡…' : '打卡'}
            </View>
            <View id='patrol-go-report' className='gl-mini-btn' ariaRole='button' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: routes.report })}>随手拍（反映看到的问题）</View>
            <View id='patrol-end' className='gl-mini-btn' ariaRole='button' {...FOCUSABLE} onClick={busy ? undefined : end}>
              {busy === 'end' ? '正在结束…' : '结束巡查'}
            </View>
          </View>
        </View>
      ) : (
        <View id='patrol-idle' className='gl-card'>
          <Text id='patrol-state' className='gl-title'>现在没有在巡查</Text>
          <Text className='gl-muted'>开始后沿途打卡，随手拍的问题会记在这次巡查里。打卡会记下您所在的位置。</Text>
          <View id='patrol-start' className='gl-big-btn patrol-main' ariaRole='button' {...FOCUSABLE} onClick={busy ? undefined : start}>
            {busy === 'start' ? '正在开始…' : '开始巡查'}
          </View>
        </View>
      )}
      {note && <View id='patrol-note' className='form-error' ariaRole='alert'>{note}</View>}
      {done && <View id='patrol-done' className='gl-notice' ariaRole='status'>{done}</View>}
      <Text className='section-title'>巡查记录</Text>
      {past.map((p) => <PatrolCard key={p.id} patrol={p} />)}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && past.length === 0} emptyText='还没有巡查记录' />
      <MoreButton id='patrol-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </PageShell>
  )
}
