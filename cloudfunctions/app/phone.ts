/** 138****5678: enough for staff to recognise a caller back, not enough to copy. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')
