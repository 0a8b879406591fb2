import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { getUser } from '../../api/session'
import PageShell from '../../components/PageShell'
import { routes } from '../../lib/routes'

interface Props { id: string; title: string; /** the console itself has no way back to itself */ home?: boolean }

/**
 * Every admin page: the app's shell with a column that stays readable on a desktop browser
 * (the H5 build is how a district office uses it at a desk) and fills a phone's width.
 */
export default function AdminPage({ id, title, home, children }: PropsWithChildren<Props>) {
  const user = getUser()
  return (
    <PageShell id={id}>
      <View className='admin-wrap'>
        <View className='admin-head'>
          <Text className='gl-title admin-title'>{title}</Text>
          {user && <Text className='gl-muted admin-who'>{`${user.name} · ${user.roleName}`}</Text>}
        </View>
        {children}
        {!home && (
          <Text id='admin-back' className='gl-link' onClick={() => Taro.redirectTo({ url: routes.admin })}>返回管理后台</Text>
        )}
      </View>
    </PageShell>
  )
}
