import './admin.css'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Role } from '../../../shared/roles'
import { getUser } from '../api/session'
import { routes } from '../lib/routes'
import AdminPage from './common/AdminPage'
import { AREA_WORDS, toolsFor } from './tools'

// who works the dispatchers' console (the server's policy table: listConsole, bulkMove)
const CONSOLE_ROLES: readonly Role[] = ['community_dispatcher', 'street_dispatcher', 'district_admin']

// The console's first page: the caller's role in words and the tools that role may use.
export default function AdminHomePage() {
  const user = getUser()
  const tools = user ? toolsFor(user.role) : []

  return (
    <AdminPage id='page-admin' title='管理后台' home>
      {user && (
        <Text id='admin-role' className='gl-notice'>
          {tools.length > 0 ? `您是${user.roleName}，可以管理${AREA_WORDS[user.role] ?? '本辖区人员'}。` : `您是${user.roleName}，没有管理权限。`}
        </Text>
      )}
      <View className='admin-tools'>
        {/* first: the daily work, where the tools below are set up once */}
        {user && CONSOLE_ROLES.includes(user.role) && (
          <View id='admin-tool-console' className='gl-card admin-tool' ariaRole='button' onClick={() => Taro.navigateTo({ url: routes.adminConsole })}>
            <Text className='admin-tool-title'>分拨台</Text>
            <Text className='gl-muted'>待派单、已超时和各层级的任务：派单、督办、上报、审批延期，可批量处理；按工单编号查找</Text>
          </View>
        )}
        {tools.map((t) => (
          <View key={t.id} id={`admin-tool-${t.id}`} className='gl-card admin-tool' ariaRole='button' onClick={() => Taro.navigateTo({ url: routes[t.page] })}>
            <Text className='admin-tool-title'>{t.title}</Text>
            <Text className='gl-muted'>{t.summary}</Text>
          </View>
        ))}
        {/* not in tools.ts: the audit log calls a read-only action and is the district's alone */}
        {user?.role === 'district_admin' && (
          <View id='admin-tool-audit' className='gl-card admin-tool' ariaRole='button' onClick={() => Taro.navigateTo({ url: routes.adminAudit })}>
            <Text className='admin-tool-title'>审计日志</Text>
            <Text className='gl-muted'>谁在何时、因何理由查看了居民的完整证件号码或联系电话（只读）</Text>
          </View>
        )}
      </View>
      <Text id='admin-go-home' className='gl-link' onClick={() => Taro.reLaunch({ url: routes.home })}>回到首页</Text>
    </AdminPage>
  )
}
