import type { SubmitReportResult } from '../../../shared/api'
import type { User } from '../../../shared/model'
import type { Result } from '../../../shared/result'
import type { ReportOnBehalfInput } from '../../../shared/schemas/onBehalf'
import type { Deps } from '../ports'
import { onBehalfRecord } from './onBehalfRecord'
import { fileReport } from './submitReport'

// 代报: a volunteer or a grid's staff files a report for a resident who phoned or walked in.
// The same report as 随手拍 (one core, submitReport.ts), with the resident to give the answer
// back to: shown whole only to the staff handling the case, masked to the filer (views).

export async function reportOnBehalf(deps: Deps, caller: User, input: ReportOnBehalfInput, requestId: string | undefined): Promise<Result<SubmitReportResult>> {
  const { onBehalf, ...report } = input
  return fileReport(deps, caller, report, requestId, 'reportOnBehalf', await onBehalfRecord(deps, caller, onBehalf))
}
