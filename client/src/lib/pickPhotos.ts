import Taro from '@tarojs/taro'
import { ensurePrivacyAgreed } from './privacy'

/** Local paths of up to `count` photos from the camera or the album (compressed: uploads are slow on old phones). */
export async function pickPhotos(count: number): Promise<string[]> {
  await ensurePrivacyAgreed('photos')
  const r = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] })
  return r.tempFiles.map((f) => f.tempFilePath)
}
