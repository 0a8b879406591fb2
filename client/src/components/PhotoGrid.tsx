import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { getTransport } from '../api/transport'

/** Stored photos as thumbnails; a tap opens the full-size viewer. */
export default function PhotoGrid({ ids }: { ids: string[] }) {
  const urls = ids.map((id) => getTransport().fileUrl(id))
  return (
    <View className='photo-grid'>
      {urls.map((url, i) => (
        <Image key={url} className='photo-thumb photo-shown' src={url} mode='aspectFill' lazyLoad
          onClick={() => Taro.previewImage({ urls, current: url })} ariaLabel={`照片${i + 1}`} nativeProps={{ alt: `照片${i + 1}` }} />
      ))}
    </View>
  )
}
