import '../admin.css'
import './console.css'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BulkMoveResult, CommunityListItem, ConsolePage } from '../../../../shared/api'
import { MAX_BULK } from '../../../../shared/schemas/moves'
import { call } from '../../api/client'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import { routes } from '../../lib/routes'
import { useRemote } from '../../lib/useRemote'
import AdminPage from '../common/AdminPage'
import BulkBar from './BulkBar'
import BulkForm, { type BulkAction } from './BulkForm'
import BulkResult from './BulkResult'
import CaseSearch from './CaseSearch'
import ConsoleFilters from './ConsoleFilters'
import ConsoleRow from './ConsoleRow'
import { EMPTY_WORDS } from './consoleWords'
import { useConsoleList, type ConsoleFilter } from './useConsoleList'

/**
 * The communities a dispatcher may narrow the list to: a street's own (those its grids lie
 * in), every community for the district, none for a community's dispatcher.
 */
function useCommunityChoices(area: ConsolePage['area'] | null, grids: ConsolePage['grids'], communityId: string | undefined) {
  const [named, setNamed] = useState<CommunityListItem[] | null>(null)
  const [own, setOwn] = useState<string[]>([])
  const wide = area !== null && area.scope !== 'community'
  useEffect(() => {
    // without names the street's chips fall back to the ids: still a working filter
    if (wide && !named) call('user', 'listCommunities', {}).then(setNamed, () => setNamed([]))
  }, [wide])
  // the unfiltered list's grids name the street's communities; a filtered one names one only
  useEffect(() => { if (!communityId && grids.length) setOwn([...new Set(grids.map((g) => g.communityId))]) }, [grids, communityId])
  if (!area || !wide) return []
  if (area.scope === 'district') return (named ?? []).map((c) => ({ id: c.id, name: `${c.streetName} · ${c.name}` }))
  return own.map((id) => ({ id, name: named?.find((c) => c.id === id)?.name ?? id }))
}

/** 分拨台: the open tasks of the dispatcher's area, to assign, supervise, escalate and decide on, one at a time or many at once. */
export default function AdminConsolePage() {
  const [filter, setFilter] = useState<ConsoleFilter>({ view: 'queue' })
  const list = useConsoleList(filter)
  const counts = useRemote(useCallback(() => call('admin', 'consoleCounts', filter.communityId ? { communityId: filter.communityId } : {}), [filter.communityId]))
  useEffect(() => { counts.reload() }, [counts.reload])
  const communities = useCommunityChoices(list.area, list.grids, filter.communityId)
  const grids = list.grids.filter((g) => !filter.communityId || g.communityId === filter.communityId)

  /** taskId → the version the list showed: what a bulk move sends */
  const [selected, setSelected] = useState<Record<string, number>>({})
  const [action, setAction] = useState<BulkAction | null>(null)
  const [result, setResult] = useState<{ r: BulkMoveResult; caseNumbers: Record<string, string> } | null>(null)
  const [notice, setNotice] = useState('')
  // a new filter is a new list: what was chosen on the old one is not on it
  useEffect(() => { setSelected({}); setAction(null); setNotice('') }, [filter])

  // back from a task page: what was done there shows here
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) { list.reload(); counts.reload() }
    shown.current = true
  })

  const chosen = Object.keys(selected).length
  const toggle = (taskId: string, version: number) => {
    if (taskId in selected) {
      const { [taskId]: _gone, ...rest } = selected
      setSelected(rest)
      setNotice('')
    } else if (chosen >= MAX_BULK) {
      setNotice(`一次最多处理 ${MAX_BULK} 件`)
    } else {
      setSelected({ ...selected, [taskId]: version })
    }
  }
  const selectAll = () => setSelected(Object.fromEntries(list.items.slice(0, MAX_BULK).map((t) => [t.taskId, t.version])))

  const onBulkDone = (r: BulkMoveResult) => {
    setResult({ r, caseNumbers: Object.fromEntries(list.items.map((t) => [t.taskId, t.caseNumber])) })
    setAction(null)
    setSelected({})
    list.reload()
    counts.reload()
  }

  return (
    <AdminPage id='page-admin-console' title={list.area ? `分拨台 · ${list.area.name}` : '分拨台'}>
      <CaseSearch />
      <ConsoleFilters filter={filter} onChange={setFilter} counts={counts.data} communities={communities}
        grids={grids.map((g) => ({ id: g.gridId, name: g.gridName }))} />
      {result && <BulkResult result={result.r} caseNumbers={result.caseNumbers} onClose={() => setResult(null)} />}
      {list.items.length > 0 && (
        <BulkBar selected={chosen} loaded={list.items.length} onSelectAll={selectAll} onClear={() => setSelected({})}
          onAction={(a) => { setResult(null); setAction(a) }} />
      )}
      {notice && <Text id='console-notice' className='gl-notice'>{notice}</Text>}
      {action && chosen > 0 && (
        <BulkForm key={action} action={action} grids={grids} tasks={Object.entries(selected).map(([taskId, version]) => ({ taskId, version }))}
          onDone={onBulkDone} onCancel={() => setAction(null)} />
      )}
      <View id='console-list'>
        {list.items.map((t) => (
          <ConsoleRow key={t.taskId} task={t} selected={t.taskId in selected} onToggle={() => toggle(t.taskId, t.version)}
            onOpen={() => Taro.navigateTo({ url: routes.task(t.taskId) })} />
        ))}
      </View>
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && !list.error && list.items.length === 0} emptyText={EMPTY_WORDS[filter.view]} />
      <MoreButton id='console-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </AdminPage>
  )
}
