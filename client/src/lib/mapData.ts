import Taro from '@tarojs/taro'
import type { CommunityListItem, CommunityMap } from '../../../shared/api'
import { call } from '../api/client'

// The grid map as the resident pages read it: the community list and each community's
// drawing, fetched once per app session and shared by the home page, the grid picker and
// the report form. Each fetch costs reads on CloudBase's daily quota (docs/capacity.md),
// and the map changes only with an import; a failed fetch is not kept, so a retry asks again.

let communities: Promise<CommunityListItem[]> | null = null
const maps = new Map<string, Promise<CommunityMap>>()

export function loadCommunities(): Promise<CommunityListItem[]> {
  communities ??= call('user', 'listCommunities', {}).catch((e) => {
    communities = null
    throw e
  })
  return communities
}

export function loadCommunityMap(communityId: string): Promise<CommunityMap> {
  let found = maps.get(communityId)
  if (!found) {
    found = call('user', 'communityMap', { communityId }).catch((e) => {
      maps.delete(communityId)
      throw e
    })
    maps.set(communityId, found)
  }
  return found
}

/** For tests: start from an empty cache. */
export function forgetMapData() {
  communities = null
  maps.clear()
}

// The community the person lives or last reported in: the report form draws it first when
// the phone gives no location. Kept on the phone; an id, nothing personal.
const COMMUNITY_KEY = 'gl.communityId'
export const rememberedCommunityId = (): string | null => Taro.getStorageSync(COMMUNITY_KEY) || null
export const rememberCommunity = (communityId: string) => Taro.setStorageSync(COMMUNITY_KEY, communityId)
