import { useMemo, useState } from 'react'
import { MAX_PHOTOS } from '../../../../shared/schemas/common'
import { usePhotoUploads, type PhotoItem, type PhotoUploads } from '../../components/photos/usePhotoUploads'
import type { KeptPhoto } from './reportDraft'

const KEPT = 'kept-'

/**
 * The form's photos: those a draft kept (already uploaded) first, then the ones picked now,
 * as one list for PhotoPicker; `kept` is what the next draft keeps, stable while it is unchanged.
 */
export function useKeptPhotos(restored: KeptPhoto[]): PhotoUploads & { kept: KeptPhoto[] } {
  const [earlier, setEarlier] = useState(restored)
  const live = usePhotoUploads(MAX_PHOTOS - earlier.length)
  const earlierItems: PhotoItem[] = earlier.map((p) => ({ key: `${KEPT}${p.fileId}`, path: p.path, percent: 100, state: 'done', fileId: p.fileId }))
  const items = [...earlierItems, ...live.items]
  const done = items.filter((i) => i.state === 'done' && i.fileId).map((i) => ({ fileId: i.fileId as string, path: i.path }))
  const signature = done.map((p) => p.fileId).join(',')
  const kept = useMemo(() => done, [signature])
  return {
    ...live,
    items,
    max: MAX_PHOTOS,
    fileIds: kept.map((p) => p.fileId),
    remove: (key: string) => (key.startsWith(KEPT) ? setEarlier((list) => list.filter((p) => `${KEPT}${p.fileId}` !== key)) : live.remove(key)),
    reset: () => { setEarlier([]); live.reset() },
    kept,
  }
}
