import { useEffect, useState } from 'react'
import type { NearbyReport } from '../../../../shared/api'
import { call } from '../../api/client'
import type { Point } from '../../components/location/types'

// "Me too": the open reports of the chosen category near the chosen point, asked again when
// either changes. Extra to the form: with no category or no point there is nothing to ask, and
// a failed answer is no list (the person's own report still goes through).

/** About a metre: a point that moved less than this is the same question. */
const keyOf = (category: string, at: Point | null) => (category && at ? `${category}|${at.lng.toFixed(5)}|${at.lat.toFixed(5)}` : '')

export function useNearbyReports(category: string, at: Point | null): NearbyReport[] {
  const [found, setFound] = useState<{ key: string; items: NearbyReport[] }>({ key: '', items: [] })
  const key = keyOf(category, at)
  useEffect(() => {
    if (!key || !at) return
    let current = true
    call('resident', 'nearbyReports', { category, location: at })
      .then((items) => { if (current) setFound({ key, items: Array.isArray(items) ? items : [] }) })
      .catch(() => { if (current) setFound({ key, items: [] }) })
    // an answer for a point or category already left behind is not shown
    return () => { current = false }
  }, [key])
  return found.key === key ? found.items : []
}

/** "约60米": rounded to 10 m, as exact as a phone's fix is. */
export const distanceWords = (m: number) => (m < 10 ? '10米以内' : `约${Math.round(m / 10) * 10}米`)
