import type { IncomingMessage, ServerResponse } from 'node:http'
import * as z from 'zod'
import { appError } from '../../shared/errors'
import { ROLE_NAMES, ROLES } from '../../shared/roles'
import { parseWith } from '../../shared/schemas/messages'
import { answerUnreadBody, MAX_JSON_BYTES, readBody, sendError, sendJson } from './http'
import type { LocalStack } from './stack'

// Dev-only routes (refused unless the host runs in dev mode): pick a seeded person to act
// as (the local stand-in for a WeChat account: one bound with a binding code acts as its
// staff record), and move the clock so deadlines can be seen passing.
const loginSchema = z.object({ userId: z.string('请选择用户 userId').min(1, '请选择用户 userId') }, '提交内容必须是对象')
const clockSchema = z.object({ advanceMinutes: z.number('前进分钟数 advanceMinutes 必须是数字').int('前进分钟数应为整数').min(1, '前进分钟数至少为1').max(60 * 24 * 60, '一次最多前进60天') }, '提交内容必须是对象')

export function devRoutes(stack: LocalStack) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method === 'GET' && path === '/api/_dev/users') {
      const users = stack.store.reference.listUsers()
      const order = (r: string) => ROLES.indexOf(r as never)
      users.sort((a, b) => order(a.role) - order(b.role) || a.id.localeCompare(b.id))
      return sendJson(res, { ok: true, data: users.map((u) => ({ id: u.id, name: u.name, role: u.role, roleName: ROLE_NAMES[u.role], gridIds: u.gridIds })) })
    }
    if (req.method !== 'POST') return sendError(res, appError('NOT_FOUND', `没有这个接口：${req.method} ${path.slice(0, 80)}`))
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendError(res, appError('VALIDATION', '请求内容应为 JSON（content-type: application/json）'), 415)
    const read = await readBody(req, MAX_JSON_BYTES)
    if (!read.ok) return answerUnreadBody(res, read, MAX_JSON_BYTES)
    let body: unknown = null
    try {
      body = JSON.parse(read.body.toString('utf8') || 'null')
    } catch {
      return sendError(res, appError('VALIDATION', '请求内容不是有效的 JSON'))
    }
    if (path === '/api/_dev/login') {
      const input = parseWith(loginSchema, body)
      if (!input.ok) return sendJson(res, input)
      const account = await stack.deps.reference.getUser(input.value.userId)
      if (!account) return sendJson(res, { ok: false, error: appError('NOT_FOUND', '没有这个演示用户', { userId: '没有这个演示用户' }) })
      // the session is the account's; an account bound to a staff record logs in as that record
      const { token, expiresAt } = stack.store.sessions.create(account.id, stack.clock.now())
      const user = (await stack.deps.reference.getUser(stack.store.accountLinks.actingAs(account.id))) ?? account
      return sendJson(res, { ok: true, data: { token, expiresAt, user: { ...user, roleName: ROLE_NAMES[user.role] } } })
    }
    if (path === '/api/_dev/clock') {
      const input = parseWith(clockSchema, body)
      if (!input.ok) return sendJson(res, input)
      stack.clock.advance(input.value.advanceMinutes)
      // what the passing time makes due happens now, as a timer would have done it
      const jobs = await stack.jobs.runNow()
      return sendJson(res, { ok: true, data: { now: stack.clock.now(), jobs } })
    }
    return sendError(res, appError('NOT_FOUND', `没有这个接口：${path.slice(0, 80)}`))
  }
}
