import { useEffect, useState } from 'react'
import type { PointPlace } from '../../../../shared/api'
import type { LngLat } from '../../../../shared/model'
import { call, errorMessage } from '../../api/client'

/** A pin being dragged or nudged settles before the server is asked (each ask is reads on CloudBase). */
const SETTLE_MS = 300

/** Which grid the point falls in, in the server's words (user.locatePoint), for the point as it is now. */
export function usePointPlace(value: LngLat | null) {
  const key = value ? `${value.lng},${value.lat}` : ''
  const [answer, setAnswer] = useState<{ key: string; place: PointPlace | null; error: string } | null>(null)

  useEffect(() => {
    if (!value) return
    let current = true
    const timer = setTimeout(() => {
      call('user', 'locatePoint', { location: { lng: value.lng, lat: value.lat } })
        .then((place) => { if (current) setAnswer({ key, place, error: '' }) })
        .catch((e) => { if (current) setAnswer({ key, place: null, error: errorMessage(e) }) })
    }, SETTLE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key])

  // an answer about an earlier point is not this point's
  const fresh = answer && answer.key === key ? answer : null
  return { place: fresh?.place ?? null, pending: !!value && !fresh, error: fresh?.error ?? '' }
}
