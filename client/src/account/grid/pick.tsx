import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CommunityListItem, Me } from '../../../../shared/api'
import { isReporterRole } from '../../../../shared/roles'
import { call, errorMessage } from '../../api/client'
import { getUser, saveUser } from '../../api/session'
import CommunityGridList, { type ListedGrid } from '../../components/map/CommunityGridList'
import PageShell from '../../components/PageShell'
import { rememberCommunity } from '../../lib/mapData'
import { routes } from '../../lib/routes'

// 选择我的网格: community, then grid, from a list. The choice is the person's home grid until a
// verified address says otherwise; home then shows that grid's people. Staff have their grid
// from the roster and cannot choose one here (the policy table says so too).
export default function PickGridPage() {
  const [me, setMe] = useState<Me | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const session = getUser()
  const mayPick = !!session && isReporterRole(session.role)

  useLoad(() => {
    call('user', 'me', {}).then(setMe).catch(() => undefined)
  })

  const save = async (gridId: string | null, communityId?: string) => {
    if (saving) return
    setSaving(true)
    setError('')
    try {
      const updated = await call('user', 'setHomeGrid', { gridId })
      saveUser(updated)
      if (communityId) rememberCommunity(communityId)
      Taro.showToast({ title: gridId ? '已设为我的网格' : '已清除选择', icon: 'success' })
      // home loads its card afresh
      Taro.reLaunch({ url: routes.home })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell id='page-grid-pick'>
      <Text className='gl-title'>选择我的网格</Text>
      {mayPick ? (
        <>
          <Text className='gl-muted'>先选您住的社区，再选网格。选好后，首页会显示这个网格的网格员和电话。</Text>
          <CommunityGridList idPrefix='pick' currentGridId={me?.homeGridId ?? null}
            onPick={(g: ListedGrid, c: CommunityListItem) => save(g.id, c.id)} />
          {saving && <Text className='gl-muted'>正在保存…</Text>}
          {error && <Text id='pick-error' className='form-error'>{error}</Text>}
          {me?.homeGridId && (
            <View className='pick-clear'>
              <Text id='pick-clear' className='gl-mini-btn' onClick={() => save(null)}>清除选择（改为按当前位置查找）</Text>
            </View>
          )}
        </>
      ) : (
        <Text id='pick-staff' className='gl-notice'>工作人员的网格由社区按人员名单分配，如有变动请联系社区分拨员。首页显示的是您负责的网格。</Text>
      )}
      <Text id='pick-home' className='gl-link' onClick={() => Taro.reLaunch({ url: routes.home })}>返回首页</Text>
    </PageShell>
  )
}
