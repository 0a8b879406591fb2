import './volunteer.css'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { MyPoints, PointsEntryView } from '../../../shared/api'
import { call } from '../api/client'
import LoadState from '../components/LoadState'
import MoreButton from '../components/MoreButton'
import PageShell from '../components/PageShell'
import { FOCUSABLE } from '../lib/focusable'
import { routes } from '../lib/routes'
import { formatTime } from '../lib/time'
import { usePaged } from '../lib/usePaged'
import { entryWords, pointsRule, rankWords, todayWords } from './words'

type Summary = Omit<MyPoints, 'history'>

function EntryRow({ e }: { e: PointsEntryView }) {
  return (
    <View className='gl-card points-entry' data-report-id={e.reportId} data-capped={e.capped} ariaRole='button' {...FOCUSABLE}
      onClick={() => Taro.navigateTo({ url: routes.reportDetail(e.reportId) })}>
      <View className='points-entry-head'>
        <Text className='row-title'>{e.categoryName}</Text>
        <Text className={e.capped ? 'points-value points-capped' : 'points-value'} data-field='points'>{entryWords(e)}</Text>
      </View>
      <Text className='gl-muted' data-field='case'>{`工单编号 ${e.caseNumber}`}</Text>
      <Text className='gl-muted' data-field='at'>{formatTime(e.at)}</Text>
    </View>
  )
}

/** 我的积分: what a volunteer has earned, how it is earned, and case by case where it came from. */
export default function MyPointsPage() {
  const [summary, setSummary] = useState<Summary | null>(null)
  // the totals come with each page of the history: one call for both
  const load = useCallback(async (p: { cursor?: string; limit: number }) => {
    const { history, ...rest } = await call('resident', 'myPoints', p)
    setSummary(rest)
    return history
  }, [])
  const list = usePaged(load)
  // a case resolved while the person was away raises the numbers
  useDidShow(() => { list.reload() })

  return (
    <PageShell id='page-points'>
      {summary && (
        <View id='points-summary' className='gl-card'>
          <Text id='points-total' className='gl-title'>{`总积分 ${summary.total} 分`}</Text>
          <Text id='points-today' className='points-line'>{todayWords(summary)}</Text>
          {summary.today >= summary.dailyCap && <Text id='points-cap-reached' className='gl-notice'>今天的积分已达上限，明天再来</Text>}
          <Text id='points-rank' className='points-line'>{rankWords(summary)}</Text>
          <Text id='points-rule' className='gl-muted'>{pointsRule(summary)}</Text>
          <Text id='points-go-leaderboard' className='gl-mini-btn' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: routes.leaderboard() })}>查看社区排行榜</Text>
        </View>
      )}
      {list.items.length > 0 && <Text className='section-title'>积分记录</Text>}
      {list.items.map((e) => <EntryRow key={e.reportId} e={e} />)}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && list.items.length === 0} emptyText='还没有积分记录：反映的问题办结后，积分会记在这里' />
      <MoreButton id='points-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </PageShell>
  )
}
