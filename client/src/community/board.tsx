import './community.css'
import { useLoad, useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { GridBoard } from '../../../shared/api'
import { gridLabel } from '../../../shared/gridNames'
import { call } from '../api/client'
import LoadState from '../components/LoadState'
import MoreButton from '../components/MoreButton'
import PageShell from '../components/PageShell'
import { usePaged } from '../lib/usePaged'
import BoardCaseCard from './BoardCaseCard'

type Heading = Pick<GridBoard, 'gridName' | 'communityName'>
// the server rounds every place on the board to BOARD_ROUND_M (shared/schemas/board.ts, 50 m) and
// sends no person; the page says so, so a neighbour knows why the map pin is not the door
const PRIVACY_NOTE = '位置已模糊到约50米，不显示个人信息'

/** 办结公示: a grid's resolved cases, before and after, so neighbours see that reporting works. */
export default function GridBoardPage() {
  const { params } = useRouter()
  const gridId = params.gridId ?? ''
  const [heading, setHeading] = useState<Heading | null>(null)
  const load = useCallback(async (p: { cursor?: string; limit: number }) => {
    const { gridName, communityName, items, nextCursor } = await call('user', 'gridBoard', { gridId, ...p })
    setHeading({ gridName, communityName })
    return { items, nextCursor }
  }, [gridId])
  const list = usePaged(load)
  // a board changes only when a case is resolved: read once per visit (each read counts on CloudBase's quota)
  useLoad(() => { if (gridId) list.reload() })

  if (!gridId) {
    return (
      <PageShell id='page-board'>
        <LoadState loading={false} error='没有指明网格：请从“我的网格”进入办结公示' />
      </PageShell>
    )
  }
  return (
    <PageShell id='page-board'>
      <Text id='board-title' className='gl-title'>{heading ? `${gridLabel(heading.communityName, heading.gridName)} 办结公示` : '办结公示'}</Text>
      <Text id='board-privacy' className='gl-muted board-privacy'>{PRIVACY_NOTE}</Text>
      {list.items.map((c) => <BoardCaseCard key={c.caseNumber} c={c} />)}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && list.items.length === 0} emptyText='本网格暂无已办结的公示案例' />
      <MoreButton id='board-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </PageShell>
  )
}
