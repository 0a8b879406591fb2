import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ContactCard as Card } from '../../../../shared/api'
import { isGridStaffRole } from '../../../../shared/roles'
import { backend } from '../../api/backend'
import { call, errorMessage } from '../../api/client'
import { clearSession, getUser, saveUser } from '../../api/session'
import LargeTextToggle from '../../components/LargeTextToggle'
import PageShell from '../../components/PageShell'
import { prefetchGrantTemplates } from '../../lib/grants'
import { locate } from '../../lib/locate'
import { routes } from '../../lib/routes'
import ContactCard from './ContactCard'

const go = (url: string) => () => Taro.navigateTo({ url })

export default function HomePage() {
  const [user, setUser] = useState(getUser())
  const [card, setCard] = useState<Card | null | undefined>(undefined)
  const [note, setNote] = useState('')
  const [unread, setUnread] = useState(0)

  const findGrid = async (useLocation: boolean) => {
    setNote(useLocation ? '正在按当前位置查找…' : '')
    try {
      const where = useLocation ? await locate() : undefined
      const found = await call('user', 'myGrid', where ? { lng: where.lng, lat: where.lat } : {})
      setCard(found)
      setNote(found ? '' : '没有找到您所在的网格，请拨打街道热线咨询。')
    } catch (e) {
      setCard((c) => c ?? null)
      setNote(useLocation ? '定位失败，请允许使用位置后再试。' : errorMessage(e))
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
  })

  return (
    <PageShell id='page-home'>
      <Text className='gl-title'>{user ? `${user.name}，您好` : '您好'}</Text>
      {card === undefined && <View className='gl-loading'>正在查找您的网格…</View>}
      {card && <ContactCard card={card} />}
      {card === null && <Text id='home-locate' className='gl-big-btn' onClick={() => findGrid(true)}>按当前位置查找我的网格</Text>}
      {note && <Text id='home-note' className='gl-notice'>{note}</Text>}
      <View className='entry-grid'>
        <Text id='home-go-report' className='entry entry-main' onClick={go(routes.report)}>随手拍 · 上报问题</Text>
        <Text id='home-go-mine' className='entry' onClick={go(routes.mine)}>我的上报</Text>
        <Text id='home-go-messages' className='entry' onClick={go(routes.messages)}>
          {unread > 0 ? `消息中心（${unread}条未读）` : '消息中心'}
        </Text>
        {user && isGridStaffRole(user.role) && <Text id='home-go-inbox' className='entry' onClick={go(routes.inbox)}>任务收件箱</Text>}
      </View>
      <LargeTextToggle />
      {backend.identity === 'dev' && (
        <Text id='home-logout' className='gl-link' onClick={() => { clearSession(); Taro.reLaunch({ url: routes.login }) }}>
          {user ? `当前身份：${user.roleName}（点此切换）` : '登录'}
        </Text>
      )}
    </PageShell>
  )
}
