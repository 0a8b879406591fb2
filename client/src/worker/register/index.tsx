import '../verify/verify.css'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import type { RegisterPage } from '../../../../shared/api'
import { call } from '../../api/client'
import LargeTextToggle from '../../components/LargeTextToggle'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import PageShell from '../../components/PageShell'
import { usePaged } from '../../lib/usePaged'
import CoverageCard from './CoverageCard'
import RegisterFilters from './RegisterFilters'
import ResidentLine from './ResidentLine'
import { groupByRoom } from './groupByRoom'

type Head = Omit<RegisterPage, 'items' | 'nextCursor'>

/** 本网格实有人口: coverage first, then the households of a building, living there or moved out. */
export default function RegisterPageView() {
  const [gridId, setGridId] = useState<string | undefined>(undefined)
  const [buildingId, setBuildingId] = useState<string | undefined>(undefined)
  const [movedOut, setMovedOut] = useState(false)
  const [head, setHead] = useState<Head | null>(null)

  const load = useCallback(async (p: { cursor?: string; limit: number }) => {
    const page = await call('worker', 'listRegister', { ...(gridId ? { gridId } : {}), ...(buildingId ? { buildingId } : {}), ...(movedOut ? { movedOut } : {}), ...p })
    const { items: _items, nextCursor: _next, ...rest } = page
    setHead(rest)
    return page
  }, [gridId, buildingId, movedOut])
  const list = usePaged(load)
  useEffect(() => { list.reload() }, [load])

  const shownGrid = gridId ?? head?.gridId
  // the caller's grids, for the switch, as every page names them
  const grids = head?.myGrids ?? []
  const building = head?.buildings.find((b) => b.id === buildingId)
  const rooms = groupByRoom(list.items)

  return (
    <PageShell id='page-register'>
      {head && <CoverageCard gridName={head.gridName} coverage={head.coverage} />}
      <RegisterFilters grids={grids} gridId={shownGrid} onGrid={(id) => { setGridId(id); setBuildingId(undefined) }}
        buildings={head?.buildings ?? []} buildingId={buildingId} onBuilding={setBuildingId} movedOut={movedOut} onMovedOut={setMovedOut} />
      {head && (
        <Text id='register-showing' className='gl-notice'>
          {`正在显示：${head.gridName} · ${building?.name ?? '全部楼栋'} · ${movedOut ? '已迁出的住户' : '在住的住户'}，已加载 ${list.items.length} 人`}
        </Text>
      )}
      {rooms.map((room) => (
        <View key={room.roomId} className='gl-card register-room' data-room-id={room.roomId}>
          <Text className='room-head'>{`${room.addressLabel}（${room.residents.length} 人）`}</Text>
          {room.residents.map((r) => <ResidentLine key={r.id} resident={r} />)}
        </View>
      ))}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && !list.error && list.items.length === 0} emptyText={movedOut ? '没有已迁出的住户' : '这里还没有已核验的住户'} />
      <MoreButton id='register-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
      <Text className='gl-muted'>证件号码和联系电话只显示部分。需要核对完整号码时，请在待核查的申报中查看（会记入审计日志）。</Text>
      <LargeTextToggle />
    </PageShell>
  )
}
