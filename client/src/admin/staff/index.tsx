import '../admin.css'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ListStaffInput } from '../../../../shared/schemas/admin'
import type { Me, StaffRecord } from '../../../../shared/api'
import { call } from '../../api/client'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import { usePaged } from '../../lib/usePaged'
import { useRemote } from '../../lib/useRemote'
import AdminPage from '../common/AdminPage'
import CommunityFilter from './CommunityFilter'
import StaffRow from './StaffRow'

/** The area a dispatcher looks after is theirs alone; the district chooses one or sees all. */
function areaOf(me: Me, communityId: string | null): Omit<ListStaffInput, 'cursor' | 'limit'> {
  if (me.role === 'district_admin') return communityId ? { communityId } : {}
  if (me.role === 'street_dispatcher') return me.streetId ? { streetId: me.streetId } : {}
  return me.communityId ? { communityId: me.communityId } : {}
}

function StaffList({ me, communityId }: { me: Me; communityId: string | null }) {
  const area = useMemo(() => areaOf(me, communityId), [me, communityId])
  const load = useCallback((p: { cursor?: string; limit: number }) => call('admin', 'listStaff', { ...area, ...p }), [area])
  const list = usePaged(load)
  // a row's action answers with the record as it is now: shown until the next reload
  const [changed, setChanged] = useState<Record<string, StaffRecord>>({})
  useEffect(() => { setChanged({}); list.reload() }, [load])
  const items = list.items.map((s) => changed[s.userId] ?? s)
  const bound = items.filter((s) => s.bound).length

  return (
    <View id='staff-list'>
      {items.length > 0 && <Text id='staff-count' className='gl-muted'>{`已加载 ${items.length} 人，其中 ${bound} 人已绑定微信`}</Text>}
      <View className='admin-staff-grid'>
        {items.map((s) => <StaffRow key={s.userId} staff={s} onChange={(r) => setChanged((c) => ({ ...c, [r.userId]: r }))} />)}
      </View>
      <LoadState loading={list.loading && items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && !list.error && items.length === 0} emptyText='这里还没有工作人员：请先导入人员名单' />
      <MoreButton id='staff-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </View>
  )
}

export default function AdminStaffPage() {
  const me = useRemote(useCallback(() => call('user', 'me', {}), []))
  const [communityId, setCommunityId] = useState<string | null>(null)
  useLoad(() => { me.reload() })

  return (
    <AdminPage id='page-admin-staff' title='人员与绑定码'>
      <Text className='gl-muted'>每位工作人员用一次性绑定码把自己的微信绑到名单上的记录；请假时指定代班人员，本网格的新任务交给代班人，居民的联系卡上也会注明。网格员和网格长的照片用手机拍好后在这里上传，审核通过后显示在居民的联系卡上。</Text>
      <LoadState loading={me.loading && !me.data} error={me.data ? undefined : me.error} onRetry={me.reload} />
      {me.data?.role === 'district_admin' && <CommunityFilter value={communityId} onChange={setCommunityId} />}
      {me.data && <StaffList me={me.data} communityId={communityId} />}
    </AdminPage>
  )
}
