import Taro from '@tarojs/taro'
import type { Role } from '../../../shared/roles'

// The local host identifies callers by a bearer token (DESIGN.md, "Identity and roles");
// it lives in Taro storage so a reopened mini-program stays signed in. On CloudBase the
// caller is the WeChat account and only the user (from `user.me`) is kept here.
const TOKEN_KEY = 'gl.token'
const USER_KEY = 'gl.user'

export interface SessionUser { id: string; name: string; role: Role; roleName: string }

export const getToken = (): string => Taro.getStorageSync(TOKEN_KEY) || ''

export function getUser(): SessionUser | null {
  const user = Taro.getStorageSync(USER_KEY)
  return user && typeof user === 'object' ? (user as SessionUser) : null
}

export function saveSession(token: string, user: SessionUser) {
  Taro.setStorageSync(TOKEN_KEY, token)
  saveUser(user)
}

export function saveUser({ id, name, role, roleName }: SessionUser) {
  Taro.setStorageSync(USER_KEY, { id, name, role, roleName })
}

export function clearSession() {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(USER_KEY)
}
