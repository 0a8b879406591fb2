import type { ReportDetail } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { MessageKind, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { AddReportInfoInput, UrgeReportInput, WithdrawReportInput } from '../../../shared/schemas/followUp'
import { applyTaskAction } from '../../../shared/workflow/taskMachine'
import type { TimelineAction } from '../../../shared/workflow/timeline'
import { checkTexts, submitPhotosQuietly } from '../content'
import { checkOwnPhotos } from '../photos'
import type { Deps } from '../ports'
import { message, pushQuietly, timelineEvent } from '../records'
import { categoryOf, machineContext } from '../tasks/limits'
import { holderIds } from '../tasks/moves/places'
import { reportDetail } from '../views'
import { loadOwnReport } from './readReports'

// What a reporter does after submitting (docs/workflow.md "Moves"): 撤回 before anyone accepted
// it, 补充说明 while it is open, 催办 once the expected time has passed. Each is the reporter's
// own report (policy.ts), a move of the machine (which says when), one timeline line and a
// message to whoever holds the task, written as one change. No version in the payload: the
// task's version as loaded guards the write against a worker's move landing in between, and a
// retry is safe (a second withdraw is refused naming the state; a second note is a second line).

type FollowUpAction = 'withdrawReport' | 'addReportInfo' | 'urgeReport'
const MOVE_OF = { withdrawReport: 'withdraw', addReportInfo: 'add_info', urgeReport: 'urge' } as const

/** What the move leaves: its timeline line, and the message to the holders given the case in words (工单…「…」). */
interface Records {
  line: { action: TimelineAction; text: string; note?: string; photos?: string[] }
  tell: (caseWords: string) => { kind: MessageKind; title: string; body: string }
}

export function withdrawReport(deps: Deps, caller: User, input: WithdrawReportInput): Promise<Result<ReportDetail>> {
  return followUp(deps, caller, input.reportId, 'withdrawReport', async () => {
    const textError = await checkTexts(deps, caller, { reason: input.reason }, { reason: '撤回原因' })
    if (textError) return fail(textError)
    const why = input.reason ? `：${input.reason}` : ''
    return ok({
      line: { action: 'withdraw', text: '居民撤回了反映', ...(input.reason ? { note: input.reason } : {}) },
      tell: (c) => ({ kind: 'report_withdrawn', title: '居民已撤回反映', body: `${c}已由居民撤回${why}，无需再处理` }),
    })
  })
}

export function addReportInfo(deps: Deps, caller: User, input: AddReportInfoInput): Promise<Result<ReportDetail>> {
  return followUp(deps, caller, input.reportId, 'addReportInfo', async () => {
    const photoError = await checkOwnPhotos(deps, caller, input.photos, 'photos')
    if (photoError) return fail(photoError)
    const textError = await checkTexts(deps, caller, { text: input.text }, { text: '补充说明' })
    if (textError) return fail(textError)
    const photos = input.photos.length ? `（附照片${input.photos.length}张）` : ''
    return ok({
      line: { action: 'add_info', text: '居民补充说明', note: input.text, ...(input.photos.length ? { photos: input.photos } : {}) },
      tell: (c) => ({ kind: 'report_info_added', title: '居民补充说明', body: `${c}：${input.text}${photos}` }),
    })
  })
}

export function urgeReport(deps: Deps, caller: User, input: UrgeReportInput): Promise<Result<ReportDetail>> {
  return followUp(deps, caller, input.reportId, 'urgeReport', async () => ok({
    line: { action: 'urge', text: '居民催办：已超过预计处理时间' },
    tell: (c) => ({ kind: 'report_urged', title: '居民催办', body: `${c}已超过预计处理时间，居民催办，请尽快处理` }),
  }))
}

async function followUp(deps: Deps, caller: User, reportId: string, name: FollowUpAction, checked: () => Promise<Result<Records>>): Promise<Result<ReportDetail>> {
  const loaded = await loadOwnReport(deps, caller, reportId, name)
  if (!loaded.ok) return loaded
  const { report, task } = loaded.value
  // the state first: a move the machine refuses costs no content-check call
  const next = applyTaskAction(task, { type: MOVE_OF[name] }, machineContext(deps, caller.id, deps.clock.now(), task.category))
  if (!next.ok) return next
  const records = await checked()
  if (!records.ok) return records
  const { line, tell } = records.value
  const refs = { reportId: report.id, taskId: task.id }
  const told = tell(`工单${task.caseNumber}「${categoryOf(deps, task.category).name}」`)
  // those who held it when the reporter acted: a withdrawn task leaves their hands, so they hear of it
  const holders = [...new Set(await holderIds(deps, task))].filter((id) => id !== caller.id)
  const messages = holders.map((id) => message(deps, id, told.kind, told.title, told.body, refs))
  const events = [timelineEvent(deps, task.id, caller, line.action, line.text, { ...(line.note ? { note: line.note } : {}), ...(line.photos ? { photos: line.photos } : {}) })]
  const saved = await deps.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events, messages })
  if (!saved) return fail(appError('CONFLICT', '这条反映刚有新的进展，请刷新后查看'))
  await Promise.all([pushQuietly(deps, messages), line.photos ? submitPhotosQuietly(deps, caller, line.photos) : undefined])
  // answered from what was just written: the task it saved and the report it loaded
  return ok(await reportDetail(deps, report, next.value, await deps.cases.listTimeline(task.id)))
}
