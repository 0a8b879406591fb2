import Taro from '@tarojs/taro'

/** Local paths of up to `count` photos from the camera or the album (compressed: uploads are slow on old phones). */
export async function pickPhotos(count: number): Promise<string[]> {
  const r = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] })
  return r.tempFiles.map((f) => f.tempFilePath)
}
