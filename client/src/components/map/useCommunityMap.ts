import { useCallback, useEffect, useState } from 'react'
import type { CommunityMap } from '../../../../shared/api'
import { errorMessage } from '../../api/client'
import { loadCommunityMap } from '../../lib/mapData'

/** The drawing of one community (null id: none), with its loading and failure words. */
export function useCommunityMap(communityId: string | null) {
  const [map, setMap] = useState<CommunityMap | null>(null)
  const [error, setError] = useState('')
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setError('')
    if (!communityId) {
      setMap(null)
      return
    }
    setMap((m) => (m?.community.id === communityId ? m : null))
    loadCommunityMap(communityId)
      .then((m) => { if (current) setMap(m) })
      .catch((e) => { if (current) setError(errorMessage(e)) })
    return () => { current = false }
  }, [communityId, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { map, loading: !!communityId && !map && !error, error, retry }
}
