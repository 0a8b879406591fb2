import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { BoardCase } from '../../../shared/api'
import { getTransport } from '../api/transport'
import { FOCUSABLE } from '../lib/focusable'

/** 处理前 or 处理后: the photo the server let through (content security passed), else says there is none. */
function BoardPhoto({ label, id, field }: { label: string; id: string | null; field: 'before' | 'after' }) {
  const url = id ? getTransport().fileUrl(id) : null
  return (
    <View className='board-photo' data-field={field}>
      <Text className='board-photo-label'>{label}</Text>
      {url
        // a tap enlarges it: a button to a keyboard too (and the scrolling page holds something focusable)
        ? <View className='board-photo-open' ariaRole='button' ariaLabel={`查看${label}的照片`} {...FOCUSABLE} onClick={() => Taro.previewImage({ urls: [url], current: url })}>
            <Image className='board-photo-image' src={url} mode='aspectFill' lazyLoad ariaLabel={`${label}的照片`} nativeProps={{ alt: `${label}的照片` }} />
          </View>
        : <Text className='board-photo-none'>暂无照片</Text>}
    </View>
  )
}

/** One resolved case on the board: before and after side by side, what it was, when and how long it took, the stars. */
export default function BoardCaseCard({ c }: { c: BoardCase }) {
  return (
    <View className='gl-card board-case' data-case-number={c.caseNumber}>
      <Text className='row-title' data-field='category'>{c.categoryName}</Text>
      <View className='board-photos'>
        <BoardPhoto label='处理前' id={c.before} field='before' />
        <BoardPhoto label='处理后' id={c.after} field='after' />
      </View>
      <Text className='board-when' data-field='when'>{`${dayjs(c.reportedAt).format('M月D日')}反映，用时${c.tookWords}`}</Text>
      <Text className='board-stars' data-field='stars'>{c.stars === null ? '居民暂未评价' : `居民评价 ${c.stars}星`}</Text>
      <Text className='gl-muted' data-field='case'>{`工单编号 ${c.caseNumber}`}</Text>
    </View>
  )
}
