// Grid names as people read them. A grid's name usually repeats its community's
// ("莲花一村社区第1网格"); beside the community's name, or on a drawing of that community,
// the rest is enough.

/** "第1网格" for 莲花一村社区第1网格 in 莲花一村社区; the whole name when it does not start with the community's. */
export function shortGridName(communityName: string | null | undefined, gridName: string): string {
  if (!communityName || !gridName.startsWith(communityName)) return gridName
  return gridName.slice(communityName.length).trim() || gridName
}

/** "莲花一村社区 · 第1网格" */
export function gridLabel(communityName: string | null | undefined, gridName: string): string {
  return communityName ? `${communityName} · ${shortGridName(communityName, gridName)}` : gridName
}
