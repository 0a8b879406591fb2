import type { LngLat, Routing } from '../../shared/model'
import { createRouter, type Router, type RouterConfigInput } from '../../shared/routing/router'
import type { Clock, GridRouter, LoadedMap, ReferenceData } from './ports'

// The router of the current grid map, for both stacks. Every import moves the map's
// generation (DESIGN.md "The grid map has a generation"); before routing, the generation
// is compared with the one the router was built from, and a new one reloads the map, so a
// re-imported map routes the next report without a restart. Locally the generation is a
// number in memory (recheck every call); in CloudBase it is one document read, so a warm
// container rechecks at most every `recheckMs`.

export interface MapRouterOptions {
  /** how long a checked generation is trusted (0 = check on every call) */
  recheckMs: number
  config?: RouterConfigInput
}

export function mapRouter(reference: ReferenceData, clock: Clock, opts: MapRouterOptions): GridRouter & { reload(): Promise<number> } {
  let current: { map: LoadedMap; router: Router } | null = null
  let checkedAt = -Infinity
  // one load at a time: requests that arrive while the map loads wait for the same load
  let loading: Promise<{ map: LoadedMap; router: Router }> | null = null

  async function load(generation: number) {
    const [grids, communities, streets] = await Promise.all([reference.listGrids(), reference.listCommunities(), reference.listStreets()])
    return { map: { generation, grids, communities, streets }, router: createRouter({ grids, communities, streets, generation }, opts.config) }
  }

  async function fresh(): Promise<{ map: LoadedMap; router: Router }> {
    const now = clock.now()
    if (current && now - checkedAt < opts.recheckMs) return current
    const generation = await reference.mapGeneration()
    checkedAt = now
    if (current && current.map.generation === generation) return current
    loading ??= load(generation).finally(() => (loading = null))
    current = await loading
    return current
  }

  return {
    async route(point: LngLat): Promise<Routing> {
      return (await fresh()).router.route(point)
    },
    async currentMap(): Promise<LoadedMap> {
      return (await fresh()).map
    },
    /** Loads the map now (at boot, after an import); returns its generation. */
    async reload() {
      checkedAt = -Infinity
      return (await fresh()).map.generation
    },
  }
}
