import type { Role } from '../../../shared/roles'
import { ApiError, NETWORK_MESSAGE } from './client'
import { requestJson } from './http'
import { saveSession, type SessionUser } from './session'

// Dev-only routes of the local host (refused unless it runs in dev mode): the demo people
// and a login without WeChat.

export interface DevUser { id: string; name: string; role: Role; roleName: string; gridIds?: string[] }

async function dev<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let answer
  try {
    answer = await requestJson(method, path, body)
  } catch {
    throw new ApiError('INTERNAL', NETWORK_MESSAGE, {}, true)
  }
  if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message, answer.error.fields)
  return answer.data as T
}

export const listDevUsers = () => dev<DevUser[]>('GET', '/api/_dev/users')

export async function devLogin(userId: string): Promise<SessionUser> {
  const { token, user } = await dev<{ token: string; user: SessionUser }>('POST', '/api/_dev/login', { userId })
  saveSession(token, { id: user.id, name: user.name, role: user.role, roleName: user.roleName })
  return user
}
