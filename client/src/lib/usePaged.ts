import { useCallback, useState } from 'react'
import type { Page } from '../../../shared/api'
import { errorMessage } from '../api/client'

const LIMIT = 20

/** A cursor-paged list: the first page on (re)load, more on request. */
export function usePaged<T>(load: (input: { cursor?: string; limit: number }) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const fetchPage = useCallback(async (from?: string) => {
    setLoading(true)
    setError('')
    try {
      const page = await load(from ? { cursor: from, limit: LIMIT } : { limit: LIMIT })
      setItems((old) => (from ? [...old, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [load])

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    reload: () => fetchPage(),
    more: () => (cursor ? fetchPage(cursor) : Promise.resolve()),
  }
}
