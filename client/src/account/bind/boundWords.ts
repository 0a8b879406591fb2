import type { CommunityListItem, Me } from '../../../../shared/api'

/**
 * Where the roster placed the person, in words: "莲花一村社区 第一网格", or the grid's name
 * alone when it already starts with its community's ("莲花一村社区第1网格"), or the community.
 * Empty when the list does not name it (a street's staff: communities carry no street id).
 */
export function placeWords(me: Pick<Me, 'gridIds' | 'communityId'>, communities: CommunityListItem[]): string {
  const grids = communities.flatMap((c) => c.grids.map((g) => ({ ...g, community: c.name })))
  const named = me.gridIds.map((id) => grids.find((g) => g.id === id)).filter((g): g is NonNullable<typeof g> => !!g)
  if (named.length > 0) return named.map((g) => (g.name.startsWith(g.community) ? g.name : `${g.community} ${g.name}`)).join('、')
  return communities.find((c) => c.id === me.communityId)?.name ?? ''
}

/** "已绑定为 莲花一村社区 第一网格 网格员 张三" */
export const boundWords = (me: Pick<Me, 'name' | 'roleName'>, place: string) => `已绑定为 ${[place, me.roleName, me.name].filter(Boolean).join(' ')}`
