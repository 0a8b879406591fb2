import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { SessionUser } from '../../api/session'
import { FOCUSABLE } from '../../lib/focusable'
import { routes } from '../../lib/routes'

const go = (url: string) => () => Taro.navigateTo({ url })

/**
 * 我的 → a volunteer's own pages (积分, 巡查打卡, 排行榜) and, for anyone with a home grid, its
 * 办结公示. Plain links: the pages live in subpackages, and the main package has no room for more.
 */
export default function MineLinks({ user }: { user: SessionUser | null }) {
  const volunteer = user?.role === 'volunteer'
  const [total, setTotal] = useState<number | null>(null)
  const [gridId, setGridId] = useState<string | null>(null)
  // once as the page opens (a child component: the page's own useLoad may have fired before it mounts)
  useEffect(() => {
    // the total only, cheaply: one entry of the history comes with it
    if (volunteer) call('resident', 'myPoints', { limit: 1 }).then((p) => setTotal(p.total)).catch(() => undefined)
    // without a location the answer is the person's home grid (or their own as staff), never where they stand
    call('user', 'myGrid', {}).then((g) => setGridId(g.found ? g.card.gridId : null)).catch(() => undefined)
  }, [volunteer])
  return (
    <>
      {volunteer && (
        <Text id='mine-go-points' className='gl-link' {...FOCUSABLE} onClick={go(routes.myPoints)}>{total === null ? '我的积分' : `我的积分（${total}分）`}</Text>
      )}
      {volunteer && <Text id='mine-go-patrol' className='gl-link' {...FOCUSABLE} onClick={go(routes.patrol)}>巡查打卡</Text>}
      {volunteer && <Text id='mine-go-leaderboard' className='gl-link' {...FOCUSABLE} onClick={go(routes.leaderboard())}>社区排行榜</Text>}
      {gridId && <Text id='mine-go-board' className='gl-link' {...FOCUSABLE} onClick={go(routes.gridBoard(gridId))}>本网格办结公示</Text>}
    </>
  )
}
