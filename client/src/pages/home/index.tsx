import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CommunityMap, MyGrid } from '../../../../shared/api'
import { isGridStaffRole, isOfficeRole, isReporterRole } from '../../../../shared/roles'
import { backend } from '../../api/backend'
import { hasDeclared } from '../../declare/entry'
import { call, errorMessage } from '../../api/client'
import { clearSession, getUser, saveUser } from '../../api/session'
import LargeTextToggle from '../../components/LargeTextToggle'
import PageShell from '../../components/PageShell'
import { prefetchGrantTemplates } from '../../lib/grants'
import { locate } from '../../lib/locate'
import { loadCommunityMap, rememberCommunity } from '../../lib/mapData'
import { routes } from '../../lib/routes'
import ContactCard from './ContactCard'
import ElderOffer from './ElderOffer'
import HomeActions from './HomeActions'
import NotFoundPanel from './NotFoundPanel'
import { gridCall } from './contactWords'
import './home.css'

const go = (url: string) => () => Taro.navigateTo({ url })

export default function HomePage() {
  const [user, setUser] = useState(getUser())
  const [grid, setGrid] = useState<MyGrid | undefined>(undefined)
  const [map, setMap] = useState<CommunityMap | null>(null)
  const [locating, setLocating] = useState(false)
  const [note, setNote] = useState('')
  const [unread, setUnread] = useState(0)
  const [declaredHere, setDeclaredHere] = useState(false)

  const show = (found: MyGrid) => {
    setGrid(found)
    if (!found.found) return
    rememberCommunity(found.card.communityId)
    // the drawing is extra: the card stands without it
    loadCommunityMap(found.card.communityId).then(setMap).catch(() => undefined)
  }

  const findGrid = async (useLocation: boolean) => {
    setNote('')
    if (useLocation) setLocating(true)
    try {
      const where = useLocation ? await locate().catch(() => null) : undefined
      if (where === null) {
        setNote('定位失败：请允许使用位置后再试，或从列表选择您的网格。')
        setGrid((g) => g ?? { found: false, reason: 'no_location', areaName: null, hotline: '12345' })
        return
      }
      show(await call('user', 'myGrid', where ? { lng: where.lng, lat: where.lat } : {}))
    } catch (e) {
      setNote(errorMessage(e))
      setGrid((g) => g ?? { found: false, reason: 'no_location', areaName: null, hotline: '12345' })
    } finally {
      setLocating(false)
    }
  }

  useLoad(() => {
    // on CloudBase the WeChat account is always signed in; the local stack needs a dev login
    if (!backend.signedIn()) {
      Taro.reLaunch({ url: routes.login })
      return
    }
    findGrid(false)
    // the report page's submit tap needs the ids at hand; fetching them here wins a few seconds
    prefetchGrantTemplates()
    // who the server says this is: on CloudBase the first sight of an account makes a resident
    call('user', 'me', {}).then((me) => { saveUser(me); setUser(me) }).catch(() => undefined)
  })
  useDidShow(() => {
    if (backend.signedIn()) call('user', 'listMessages', { limit: 1 }).then((p) => setUnread(p.unread)).catch(() => undefined)
    // coming back from the declare pages may have changed it
    const id = getUser()?.id
    setDeclaredHere(!!id && hasDeclared(id))
  })

  // only residents and volunteers choose a grid: staff have theirs from the roster
  const mayPick = !!user && isReporterRole(user.role)
  const declared = declaredHere || (grid?.found === true && !!grid.card.homeAddress)
  return (
    <PageShell id='page-home'>
      <Text className='gl-title'>{user ? `${user.name}，您好` : '您好'}</Text>
      {/* 长辈模式 at the top, where an older person looks first: the switch, and once the offer */}
      <LargeTextToggle />
      <ElderOffer />
      <HomeActions onReport={go(routes.report)}
        declare={mayPick ? { declared, onGo: go(declared ? routes.household() : routes.declareForm()) } : undefined}
        call={grid && gridCall(grid)} />
      <View className='entry-grid'>
        <Text id='home-go-mine' className='entry' onClick={go(routes.mine)}>我的上报</Text>
        <Text id='home-go-messages' className='entry' onClick={go(routes.messages)}>
          {unread > 0 ? `消息中心（${unread}条未读）` : '消息中心'}
        </Text>
        {user && isGridStaffRole(user.role) && <Text id='home-go-inbox' className='entry' onClick={go(routes.inbox)}>任务收件箱</Text>}
        {user && isOfficeRole(user.role) && <Text id='home-go-admin' className='entry' onClick={go(routes.admin)}>管理后台</Text>}
      </View>
      {grid === undefined && <View className='gl-loading'>正在查找您的网格…</View>}
      {grid?.found && <ContactCard card={grid.card} map={map} onRepick={mayPick && grid.card.source !== 'staff' ? go(routes.pickGrid) : undefined} />}
      {/* under the grid card: what became of the neighbours' reports (the grid's 办结公示) */}
      {grid?.found && <Text id='home-go-board' className='gl-link' onClick={go(routes.gridBoard(grid.card.gridId))}>看看身边问题的处理结果</Text>}
      {grid && !grid.found && <NotFoundPanel result={grid} locating={locating} onLocate={() => findGrid(true)} onPick={mayPick ? go(routes.pickGrid) : undefined} />}
      {note && <Text id='home-note' className='gl-notice'>{note}</Text>}
      {/* few residents are staff: a plain link for the one who was handed a binding code, not a tile */}
      {user && isReporterRole(user.role) && <Text id='home-go-bind' className='gl-link' onClick={go(routes.bindStaff)}>我是工作人员（用绑定码绑定）</Text>}
      {backend.identity === 'dev' && (
        <Text id='home-logout' className='gl-link' onClick={() => { clearSession(); Taro.reLaunch({ url: routes.login }) }}>
          {user ? `当前身份：${user.roleName}（点此切换）` : '登录'}
        </Text>
      )}
    </PageShell>
  )
}
