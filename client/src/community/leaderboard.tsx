import './community.css'
import { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import type { LeaderboardRow } from '../../../shared/api'
import { call } from '../api/client'
import LoadState from '../components/LoadState'
import PageShell from '../components/PageShell'
import { useRemote } from '../lib/useRemote'

/** 「第1名 张*明 120分」; the caller's own row says 「我」 in words, not by colour alone. */
function RankRow({ row }: { row: LeaderboardRow }) {
  return (
    <View className={row.isMe ? 'rank-row rank-me' : 'rank-row'} data-rank={row.rank} data-me={row.isMe}>
      <Text className='rank-name'>{`第${row.rank}名 ${row.name}${row.isMe ? '（我）' : ''}`}</Text>
      <Text className='rank-points'>{`${row.points}分`}</Text>
    </View>
  )
}

/** 社区排行榜: the volunteers of a community by points; names masked by the server. */
export default function LeaderboardPage() {
  const { params } = useRouter()
  const communityId = params.communityId || undefined
  const load = useCallback(() => call('user', 'leaderboard', communityId ? { communityId } : {}), [communityId])
  const { data, loading, error, reload } = useRemote(load)
  useLoad(() => { reload() })
  const meShown = !!data?.rows.some((r) => r.isMe)

  return (
    <PageShell id='page-leaderboard'>
      <Text id='leaderboard-title' className='gl-title'>{data ? `${data.communityName}志愿者积分榜` : '社区排行榜'}</Text>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={reload}
        empty={!!data && data.rows.length === 0} emptyText='本社区还没有志愿者得分' />
      {data && data.rows.length > 0 && (
        <View id='leaderboard-rows' className='gl-card'>
          {data.rows.map((r) => <RankRow key={`${r.rank}-${r.name}`} row={r} />)}
        </View>
      )}
      {/* below the rows shown: where the caller stands, in words */}
      {data?.me && !meShown && (
        <Text id='leaderboard-me' className='gl-notice rank-me-line'>
          {data.me.rank === null ? '我：还没有积分，反映的问题办结后就会上榜' : `我：第${data.me.rank}名 ${data.me.points}分`}
        </Text>
      )}
      <Text className='gl-muted'>积分来自被受理并办结的反映；姓名只显示部分，保护个人信息。</Text>
    </PageShell>
  )
}
