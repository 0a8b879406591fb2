import type { BindingCode, Me, StaffRecord } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { isReporterRole } from '../../../shared/roles'
import type { StaffRefInput } from '../../../shared/schemas/admin'
import type { BindStaffInput } from '../../../shared/schemas/binding'
import { me } from '../account/account'
import { rateLimited } from '../limits'
import type { Needs } from '../ports'
import { BIND_ATTEMPTS, BINDING_CODE_TTL_MS, codeHash, newBindingCode } from './codes'
import { loadStaff, oneStaffRecord, type RecordDeps } from './staffRecord'

// Binding a WeChat account (or the local identity) to a staff record: the area's dispatcher
// issues a one-time code, the staff member types it under "我是工作人员", and from then on
// their account acts as the record (AccountLinks). A code works once and expires; a record
// takes one account until it is unbound, after which a new code can be issued.

type CodeDeps = RecordDeps & Needs<'keyedHash'>

export async function issueBindingCode(deps: CodeDeps, caller: User, input: StaffRefInput): Promise<Result<BindingCode>> {
  const loaded = await loadStaff(deps, caller, input.userId, 'issueBindingCode')
  if (!loaded.ok) return loaded
  const staff = loaded.value
  if (staff.binding) return fail(appError('CONFLICT', `${staff.name}已绑定微信：如需换绑，请先解除绑定`))
  const now = deps.clock.now()
  const code = newBindingCode()
  const expiresAt = now + BINDING_CODE_TTL_MS
  // replaces any earlier code of this person: only the newest one works
  await deps.bindingCodes.issue(staff.id, await codeHash(deps, code), expiresAt, now)
  return ok({ userId: staff.id, code, expiresAt })
}

export async function unbindStaff(deps: CodeDeps & Needs<'accountLinks'>, caller: User, input: StaffRefInput): Promise<Result<StaffRecord>> {
  const loaded = await loadStaff(deps, caller, input.userId, 'unbindStaff')
  if (!loaded.ok) return loaded
  const { binding, ...unbound } = loaded.value
  if (!binding) return ok(await oneStaffRecord(deps, loaded.value))
  // the link first: once it is gone the account is a resident again, whatever follows
  await deps.accountLinks.unlink(binding.accountId)
  await deps.reference.saveUsers([unbound])
  return ok(await oneStaffRecord(deps, unbound))
}

/** The same answer for a code that never existed, was used or has expired: nothing to probe. */
const NO_SUCH_CODE = appError('NOT_FOUND', '绑定码不正确或已失效', { code: '绑定码不正确或已失效，请核对后重试，或联系管理员重新生成' })

export async function bindStaff(deps: CodeDeps & Needs<'accountLinks' | 'limits'>, caller: User, input: BindStaffInput): Promise<Result<Me>> {
  const now = deps.clock.now()
  const taken = await deps.limits.take(`bind:${caller.id}`, BIND_ATTEMPTS, now)
  if (!taken.ok) return fail(rateLimited(taken.retryAfterMs, '尝试绑定'))
  const staffId = await deps.bindingCodes.redeem(await codeHash(deps, input.code), caller.id, now)
  const staff = staffId ? await deps.reference.getUser(staffId) : null
  if (!staff || isReporterRole(staff.role) || staff.binding) return fail(NO_SUCH_CODE)
  const bound: User = { ...staff, binding: { accountId: caller.id, at: now } }
  await deps.accountLinks.link(caller.id, staff.id, now)
  await deps.reference.saveUsers([bound])
  return me(deps, bound)
}
