import { Image, Text, View } from '@tarojs/components'
import FieldError from '../FieldError'
import type { PhotoUploads } from './usePhotoUploads'

interface Props {
  name: string
  idPrefix: string
  label: string
  uploads: PhotoUploads
  error?: string
}

const STATE_WORDS = { uploading: '上传中', done: '已上传', failed: '上传失败' }

/** Thumbnails with per-photo progress in words and a bar; a failed photo offers 重试 and 删除. */
export default function PhotoPicker({ name, idPrefix, label, uploads, error }: Props) {
  const { items, add, retry, remove, max } = uploads
  return (
    <View className='gl-field' id={`${idPrefix}-${name}`}>
      <Text className='gl-label'>{`${label}（${items.length}/${max}张）`}</Text>
      <View className='photo-grid'>
        {items.map((item, index) => (
          <View key={item.key} className={`photo-item photo-${item.state}`} data-state={item.state}>
            <Image className='photo-thumb' src={item.path} mode='aspectFill' ariaLabel={`第${index + 1}张照片`} />
            <View className='photo-status'>
              <Text className='photo-state'>
                {item.state === 'uploading' ? `${STATE_WORDS.uploading} ${Math.round(item.percent)}%` : STATE_WORDS[item.state]}
              </Text>
              {item.state === 'uploading' && (
                <View className='photo-progress'>
                  <View className='photo-progress-bar' style={{ width: `${Math.round(item.percent)}%` }} />
                </View>
              )}
            </View>
            <View className='photo-actions'>
              {item.state === 'failed' && (
                <Text className='photo-retry gl-mini-btn' onClick={() => retry(item.key)}>重试</Text>
              )}
              <Text className='photo-remove gl-mini-btn' onClick={() => remove(item.key)}>删除</Text>
            </View>
          </View>
        ))}
        {items.length < max && (
          <View id={`${idPrefix}-add-photo`} className='photo-add' onClick={add}>
            <Text className='photo-add-plus'>＋</Text>
            <Text>{items.length === 0 ? '拍照或选图' : '再加一张'}</Text>
          </View>
        )}
      </View>
      <FieldError name={name} message={error} />
    </View>
  )
}
