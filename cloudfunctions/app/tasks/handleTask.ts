import type { TaskDetail } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { AcceptTaskInput, ResolveTaskInput } from '../../../shared/schemas/task'
import { applyTaskAction, type TaskAction } from '../../../shared/workflow/taskMachine'
import { checkOwnPhotos } from '../photos'
import { checkTexts, submitPhotosQuietly } from '../content'
import type { Deps } from '../ports'
import { message, pushQuietly, reportAudience, timelineEvent } from '../records'
import { loadScopedTask } from './readTasks'
import { categoryOf, machineContext } from './limits'
import { taskDetail } from '../views'
import { grantQuietly } from '../volunteers/points'

// 签收 and 办结 by grid staff. The version the worker saw guards the write: when two people
// act on one task at once, one wins and the other gets CONFLICT.

export function acceptTask(deps: Deps, caller: User, input: AcceptTaskInput) {
  return act(deps, caller, input.taskId, input.version, { type: 'accept' }, 'acceptTask')
}

export async function resolveTask(deps: Deps, caller: User, input: ResolveTaskInput): Promise<Result<TaskDetail>> {
  const photoError = await checkOwnPhotos(deps, caller, input.photos, 'photos')
  if (photoError) return fail(photoError)
  const textError = await checkTexts(deps, caller, { text: input.text })
  if (textError) return fail(textError)
  return act(deps, caller, input.taskId, input.version, { type: 'resolve', text: input.text, photos: input.photos }, 'resolveTask')
}

async function act(deps: Deps, caller: User, taskId: string, version: number, action: TaskAction, name: 'acceptTask' | 'resolveTask'): Promise<Result<TaskDetail>> {
  const loaded = await loadScopedTask(deps, caller, taskId, name)
  if (!loaded.ok) return loaded
  const { task, report } = loaded.value
  if (task.version !== version) return fail(appError('CONFLICT'))
  const category = categoryOf(deps, task.category)
  const next = applyTaskAction(task, action, machineContext(deps, caller.id, deps.clock.now(), task.category))
  if (!next.ok) return next
  const refs = { reportId: report.id, taskId: task.id }
  const [events, messages] =
    action.type === 'accept'
      ? [[timelineEvent(deps, task.id, caller, 'accept', '网格员已接单，正在处理')],
         reportAudience(report).map((id) => message(deps, id, 'report_accepted', '您的反映正在处理', `「${category.name}」已由${caller.name}接手处理`, refs))]
      : [[timelineEvent(deps, task.id, caller, 'resolve', '已办结', { note: action.type === 'resolve' ? action.text : undefined, photos: action.type === 'resolve' ? action.photos : undefined })],
         // only its reporter rates it; followers read the result
         reportAudience(report).map((id) => message(deps, id, 'report_resolved', '您的反映已办结', `「${category.name}」已处理完毕，${id === report.reporterId ? '请查看结果并评价' : '请查看处理结果'}`, refs))]
  const saved = await deps.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events, messages })
  if (!saved) return fail(appError('CONFLICT'))
  // a volunteer's points (志愿积分) for the case, once: a failure here is healed by the rating or the close job
  if (action.type === 'resolve') await grantQuietly(deps, report, next.value)
  await Promise.all([pushQuietly(deps, messages), action.type === 'resolve' ? submitPhotosQuietly(deps, caller, action.photos) : undefined])
  // answered from what was just written: the task it saved and the report it loaded
  return ok(await taskDetail(deps, caller, report, next.value, await deps.cases.listTimeline(task.id)))
}
