// A requestId names one form fill: the server turns a repeat of it into the same record,
// so a retry after a lost answer never files a second report (DESIGN.md, "API envelope").
export function newRequestId(): string {
  let random = ''
  while (random.length < 12) random += Math.random().toString(36).slice(2)
  return `r${Date.now().toString(36)}${random.slice(0, 12)}`
}
