import dayjs from 'dayjs'
import type { ContactCard, StaffContact } from '../../../../shared/api'

// The contact card's words: numbers read aloud in groups, a leave and how the grid was found.

/** "139 2000 7919": a mobile number in the groups people read it in; other numbers as given. */
export const phoneWords = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone)

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
