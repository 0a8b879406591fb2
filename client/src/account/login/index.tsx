import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ROLES, ROLE_NAMES, isGridStaffRole } from '../../../../shared/roles'
import { errorMessage } from '../../api/client'
import { devLogin, listDevUsers, type DevUser } from '../../api/dev'
import LargeTextToggle from '../../components/LargeTextToggle'
import LoadState from '../../components/LoadState'
import PageShell from '../../components/PageShell'
import { routes } from '../../lib/routes'
import { useRemote } from '../../lib/useRemote'

// Local stack only: the seeded people of the demo street, one tap to act as any of them.
export default function LoginPage() {
  const { data: users, loading, error, reload } = useRemote(useCallback(() => listDevUsers(), []))
  const [busy, setBusy] = useState('')
  useLoad(() => { reload() })

  const login = async (u: DevUser) => {
    if (busy) return
    setBusy(u.id)
    try {
      const user = await devLogin(u.id)
      Taro.reLaunch({ url: isGridStaffRole(user.role) ? routes.inbox : routes.home })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  return (
    <PageShell id='page-login'>
      <Text className='gl-title'>选择演示身份</Text>
      <Text className='gl-muted'>本地演示环境：点一个人，即以他的身份使用。</Text>
      <LoadState loading={loading} error={error} onRetry={reload} empty={!!users && users.length === 0} emptyText='没有演示用户' />
      {users && ROLES.map((role) => {
        const people = users.filter((u) => u.role === role)
        if (people.length === 0) return null
        return (
          <View key={role} className='login-group' id={`login-role-${role}`}>
            <Text className='category-group-name'>{ROLE_NAMES[role]}</Text>
            {people.map((u) => (
              <Text key={u.id} id={`login-user-${u.id}`} className='gl-big-btn login-user' data-role={u.role} onClick={() => login(u)}>
                {busy === u.id ? `正在登录 ${u.name}…` : `${u.name}（${u.roleName}）`}
              </Text>
            ))}
          </View>
        )
      })}
      <LargeTextToggle />
    </PageShell>
  )
}
