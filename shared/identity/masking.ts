// What a screen shows of an ID or phone number unless the verifying worker asked for it
// whole (DESIGN.md, "Privacy and safety"): enough to tell two people apart or recognise
// one's own, not enough to use. Input is the stored form (checkIdNumber, checkPhone);
// anything of another shape shows as stars only.

const stars = (n: number) => '*'.repeat(n)

/**
 * 18 characters (resident ID, residence permit, 2023 foreigner's card): first 4 and last 4
 * (4403**********123X): the province and city, then the sequence and check, so the birth
 * date never shows. 15 characters (the earlier foreigner's card, birth date at 8–13): the
 * 3-letter nationality and the last 2 (KAZ**********05), for the same reason.
 */
export function maskIdNumber(number: string): string {
  if (number.length === 18) return `${number.slice(0, 4)}${stars(10)}${number.slice(-4)}`
  if (number.length === 15) return `${number.slice(0, 3)}${stars(10)}${number.slice(-2)}`
  return stars(4)
}

/**
 * Mobile: first 3 and last 4 (138****5678). Landline: the area code and the last 4 of the
 * number (0755-****5678), extension dropped. Hong Kong / Macao: the country code and the
 * last 4 (+852****5678).
 */
export function maskPhone(phone: string): string {
  const landline = /^(0\d{2,3})-\d{3,4}(\d{4})(?:-\d+)?$/.exec(phone)
  if (landline) return `${landline[1]}-${stars(4)}${landline[2]}`
  const abroad = /^(\+85[23])\d{4}(\d{4})$/.exec(phone)
  if (abroad) return `${abroad[1]}${stars(4)}${abroad[2]}`
  return phone.length >= 7 ? `${phone.slice(0, 3)}${stars(4)}${phone.slice(-4)}` : stars(4)
}
