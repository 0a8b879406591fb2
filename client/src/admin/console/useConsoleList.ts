import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConsolePage, TaskSummary } from '../../../../shared/api'
import type { Level } from '../../../../shared/levels'
import { CONSOLE_VIEWS } from '../../../../shared/schemas/moves'
import { call, errorMessage } from '../../api/client'

export type ConsoleView = (typeof CONSOLE_VIEWS)[number]
export interface ConsoleFilter { view: ConsoleView; level?: Level; gridId?: string; communityId?: string }

// the schema's most: fewer pages to load before selecting many
const LIMIT = 50

/**
 * The console's list for a filter: its pages, the caller's area and the grids to assign to.
 * A filter changed while a page is on its way wins: the older answer is dropped.
 */
export function useConsoleList(filter: ConsoleFilter) {
  const [items, setItems] = useState<TaskSummary[]>([])
  const [meta, setMeta] = useState<Pick<ConsolePage, 'area' | 'grids'> | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const latest = useRef(0)
  const { view, level, gridId, communityId } = filter

  const fetchPage = useCallback(async (from?: string) => {
    const ask = ++latest.current
    setLoading(true)
    setError('')
    try {
      const page = await call('admin', 'listConsole', {
        view, limit: LIMIT, ...(from ? { cursor: from } : {}), ...(level ? { level } : {}), ...(gridId ? { gridId } : {}), ...(communityId ? { communityId } : {}),
      })
      if (ask !== latest.current) return
      setItems((old) => (from ? [...old, ...page.items] : page.items))
      setMeta({ area: page.area, grids: page.grids })
      setCursor(page.nextCursor)
    } catch (e) {
      if (ask === latest.current) setError(errorMessage(e))
    } finally {
      if (ask === latest.current) setLoading(false)
    }
  }, [view, level, gridId, communityId])

  useEffect(() => { fetchPage() }, [fetchPage])

  return {
    items,
    area: meta?.area ?? null,
    grids: meta?.grids ?? [],
    loading,
    error,
    hasMore: cursor !== null,
    reload: () => fetchPage(),
    more: () => (cursor ? fetchPage(cursor) : Promise.resolve()),
  }
}
