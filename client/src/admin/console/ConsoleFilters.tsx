import { Text, View } from '@tarojs/components'
import type { ConsoleCounts } from '../../../../shared/api'
import { LEVELS, levelLabel, type Level } from '../../../../shared/levels'
import { CONSOLE_VIEWS } from '../../../../shared/schemas/moves'
import { VIEW_WORDS, viewCount } from './consoleWords'
import type { ConsoleFilter } from './useConsoleList'

interface Chip { id: string; name: string }
interface Props {
  filter: ConsoleFilter
  onChange: (f: ConsoleFilter) => void
  counts: ConsoleCounts | null
  /** the communities a street's or the district's dispatcher may narrow to (none for a community's) */
  communities: Chip[]
  grids: Chip[]
}

const chip = (on: boolean) => (on ? 'chip chip-on' : 'chip')

/** 待派单 / 已超时 / 全部, then level (in words), community and grid: each a row of large chips, the chosen one said in words too. */
export default function ConsoleFilters({ filter: f, onChange, counts, communities, grids }: Props) {
  const set = (next: Partial<ConsoleFilter>) => onChange({ ...f, ...next })
  return (
    <View id='console-filters'>
      <View className='console-tabs' ariaRole='tablist'>
        {CONSOLE_VIEWS.map((v) => (
          <View key={v} id={`console-view-${v}`} className={f.view === v ? 'gl-mini-btn console-tab console-tab-on' : 'gl-mini-btn console-tab'} ariaRole='tab'
            ariaLabel={`${VIEW_WORDS[v]}${viewCount(v, counts)}${f.view === v ? '，当前显示' : ''}`} onClick={() => set({ view: v })}>
            {`${VIEW_WORDS[v]}${viewCount(v, counts)}`}
          </View>
        ))}
      </View>
      {counts && counts.extensionRequests > 0 && <Text id='console-extension-count' className='gl-notice'>{`有 ${counts.extensionRequests} 件延期申请等待审批`}</Text>}
      <Text className='console-filter-name'>层级</Text>
      <View id='console-levels' className='chip-row'>
        <Text id='console-level-any' className={chip(!f.level)} onClick={() => set({ level: undefined })}>全部层级</Text>
        {LEVELS.map((l: Level) => (
          <Text key={l} id={`console-level-${l}`} className={chip(f.level === l)} onClick={() => set({ level: l })}>
            {`${levelLabel(l)}${counts ? `（${counts.byLevel[l]}）` : ''}`}
          </Text>
        ))}
      </View>
      {communities.length > 0 && (
        <View>
          <Text className='console-filter-name'>社区</Text>
          <View id='console-communities' className='chip-row'>
            <Text id='console-community-any' className={chip(!f.communityId)} onClick={() => set({ communityId: undefined, gridId: undefined })}>全部社区</Text>
            {communities.map((c) => (
              <Text key={c.id} id={`console-community-${c.id}`} className={chip(f.communityId === c.id)} onClick={() => set({ communityId: c.id, gridId: undefined })}>
                {c.name}
              </Text>
            ))}
          </View>
        </View>
      )}
      {grids.length > 0 && (
        <View>
          <Text className='console-filter-name'>网格</Text>
          <View id='console-grids' className='chip-row'>
            <Text id='console-grid-any' className={chip(!f.gridId)} onClick={() => set({ gridId: undefined })}>全部网格</Text>
            {grids.map((g) => (
              <Text key={g.id} id={`console-grid-${g.id}`} className={chip(f.gridId === g.id)} onClick={() => set({ gridId: g.id })}>{g.name}</Text>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
