import dayjs from 'dayjs'
import type { ContactCard, MyGrid, StaffContact } from '../../../../shared/api'

// The contact card's words: numbers read aloud in groups, a leave, how the grid was found and
// whom the home page's big call button rings.

/** "139 2000 7919": a mobile number in the groups people read it in; other numbers as given. */
export const phoneWords = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone)

/** What a call button says to a screen reader: "给网格长 李军打电话：13920007919". */
export const callLabel = (phone: string, who?: string) => `${who ? `给${who}打电话` : '打电话'}：${phone}`

/** The day a leave ends: "3月8日前" when it ends at midnight (the usual entry), else with the time. */
function untilWords(until: number): string {
  const end = dayjs(until)
  return end.hour() === 0 && end.minute() === 0 ? `${end.format('M月D日')}前` : `${end.format('M月D日 HH:mm')}前`
}

export function leaveWords(onLeave: NonNullable<StaffContact['onLeave']>): string {
  const until = untilWords(onLeave.until)
  return onLeave.substitute
    ? `请假中，${until}由 ${onLeave.substitute.name}（${phoneWords(onLeave.substitute.phone)}）代班`
    : `请假中，${until}请联系本网格其他工作人员或拨打热线`
}

const SOURCE_WORDS: Record<ContactCard['source'], string> = {
  home: '按您的住址（登记或自选的网格）',
  staff: '您负责的网格',
  location: '按您当前的位置找到',
}

/** How the grid was found: a verified declaration names its address, the rest say where the grid came from. */
export const sourceWords = (card: ContactCard) => (card.source === 'home' && card.homeAddress
  ? `按您登记的住址：${card.homeAddress}（已核验）`
  : `${card.streetName ? `${card.streetName} · ` : ''}${SOURCE_WORDS[card.source]}`)

export interface GridCall { phone: string; title: string; line: string }

/**
 * Whom the home page's big call button rings: the grid leader; while the leader is on leave, the
 * substitute; with no leader on duty, the grid's first worker on duty; else (no grid either) the
 * street's hotline.
 */
export function gridCall(grid: MyGrid): GridCall {
  const { leader, workers = [] } = grid.found ? grid.card : { leader: null }
  const sub = leader?.onLeave?.substitute
  const worker = workers.find((w) => !w.onLeave)
  const [title, name, phone] = leader && !leader.onLeave ? ['联系网格长', leader.name, leader.phone]
    : sub ? ['联系网格长', `代班 ${sub.name}`, sub.phone]
      : worker ? [`联系${worker.roleName}`, worker.name, worker.phone]
        : ['拨打服务热线', '', grid.found ? grid.card.hotline : grid.hotline]
  return { phone, title, line: `${name} ${phoneWords(phone)}`.trim() }
}
