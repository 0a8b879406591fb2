import type { DeclarationView } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { WithdrawDeclarationInput } from '../../../shared/schemas/declaration'
import type { Needs } from '../ports'
import { actorNameOf } from '../records'
import { invalid } from '../staff/staffRecord'
import { changed, loadOwnDeclaration } from './load'
import { declarationViews, isOpenDeclaration } from './views'

// 撤回: the declarant takes back a declaration nobody has decided yet. A verified one is the
// register's now: leaving it is a move-out (注销), which the worker verifies in turn.

export async function withdrawDeclaration(deps: Needs<'declarations' | 'router' | 'clock'>, caller: User, input: WithdrawDeclarationInput): Promise<Result<DeclarationView>> {
  const loaded = await loadOwnDeclaration(deps, caller, input.declarationId, 'withdrawDeclaration')
  if (!loaded.ok) return loaded
  const d = loaded.value
  if (d.version !== input.version) return fail(appError('CONFLICT'))
  if (d.status === 'verified') return invalid('declarationId', '已核验的申报不能撤回，如已迁出请办理迁出注销')
  if (!isOpenDeclaration(d)) return invalid('declarationId', '该申报已处理完毕，无需撤回')
  const now = deps.clock.now()
  const next = changed(d, now, { status: 'withdrawn', dueAt: null, history: [...d.history, { at: now, actorId: caller.id, actorName: actorNameOf(caller), action: 'withdrawn' }] })
  if (!(await deps.declarations.saveChange({ declaration: next, expectedVersion: d.version, messages: [] }))) return fail(appError('CONFLICT'))
  return ok((await declarationViews(deps, [next]))[0])
}
