import { useRef, useState } from 'react'
import { MAX_PHOTOS } from '../../../../shared/schemas/common'
import { getTransport, type UploadHandle } from '../../api/transport'
import { pickPhotos } from '../../lib/pickPhotos'

export interface PhotoItem {
  key: string
  /** local path, shown while the upload runs */
  path: string
  percent: number
  state: 'uploading' | 'done' | 'failed'
  fileId?: string
}

let seq = 0

/** Photos are uploaded as soon as they are picked, each with its own progress, retry and removal. */
export function usePhotoUploads(max = MAX_PHOTOS) {
  const [items, setItems] = useState<PhotoItem[]>([])
  const handles = useRef(new Map<string, UploadHandle>())

  const update = (key: string, patch: Partial<PhotoItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)))

  const start = (key: string, path: string) => {
    const handle = getTransport().upload(path, (percent) => update(key, { percent }))
    handles.current.set(key, handle)
    handle.promise.then(
      (fileId) => update(key, { state: 'done', percent: 100, fileId }),
      () => update(key, { state: 'failed' }),
    )
  }

  const add = async () => {
    const room = max - items.length
    if (room <= 0) return
    let paths: string[]
    try {
      paths = (await pickPhotos(room)).slice(0, room)
    } catch {
      return // the person closed the picker
    }
    const added = paths.map((path) => ({ key: `p${++seq}`, path, percent: 0, state: 'uploading' as const }))
    setItems((list) => [...list, ...added])
    added.forEach((item) => start(item.key, item.path))
  }

  const retry = (key: string) => {
    const item = items.find((i) => i.key === key)
    if (!item) return
    update(key, { state: 'uploading', percent: 0 })
    start(key, item.path)
  }

  const remove = (key: string) => {
    handles.current.get(key)?.abort()
    handles.current.delete(key)
    setItems((list) => list.filter((i) => i.key !== key))
  }

  const reset = () => setItems([])

  const fileIds = items.filter((i) => i.state === 'done' && i.fileId).map((i) => i.fileId as string)
  const pending = items.some((i) => i.state !== 'done')
  return { items, add, retry, remove, reset, fileIds, pending, max }
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>
