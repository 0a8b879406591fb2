import type { DeclarationView } from '../../../shared/api'
import type { DeclarationStatus } from '../../../shared/declarations/words'

type Sent = Pick<DeclarationView, 'status' | 'statusName' | 'kindName' | 'communityName' | 'addressLabel'>

// The page keeps ?done= in its address: opened again from history, or after the worker has
// acted, the declaration has moved on, so the sentence follows its state now.
const NEXT: Record<DeclarationStatus, (what: string) => string> = {
  pending: (what) => `${what}已交给网格员核查，核查后会通知您。`,
  more_info: () => '网格员请您补充信息，请按下面申报记录中的说明补充后再提交。',
  verified: (what) => `${what}已由网格员核验。`,
  rejected: (what) => `${what}未通过，原因见下面的申报记录。`,
  withdrawn: (what) => `${what}已撤回，需要时可重新申报。`,
}

/** The banner over a declaration the person just sent: "已提交，状态：待核查" and what comes next. */
export function sentWords(d: Sent): { title: string; text: string } {
  return { title: `已提交，状态：${d.statusName}`, text: NEXT[d.status](`${d.communityName} ${d.addressLabel}的${d.kindName}`) }
}
