import type { CommunityMap } from '../../../../shared/api'
import type { LngLat } from '../../../../shared/model'

export interface GridDrawingProps {
  /** element id prefix: `${id}-svg`, `${id}-pin` */
  id: string
  map: CommunityMap
  /** the grid drawn highlighted: the person's own, or the one the pin falls in */
  highlightGridId?: string | null
  /** words written on the highlighted grid, so it is not told by colour alone */
  highlightWords?: string
  pin?: LngLat | null
  /** given: a tap places the pin there, and the pin can be dragged */
  onPlace?: (point: LngLat) => void
}
