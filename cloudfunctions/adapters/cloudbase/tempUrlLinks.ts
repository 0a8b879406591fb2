import type { PhotoLinks } from '../../app/ports'
import { tempUrls, type Storage } from './uploads'

// Photo links in CloudBase: temporary https URLs from cloud storage (getTempFileURL), so the
// bucket needs no "all users may read" rule; a view asks only for photos its viewer may see.
export const TEMP_URL_MAX_AGE_S = 3600
/** getTempFileURL takes a bounded list per call; a long timeline's photos go in parts. */
export const TEMP_URL_BATCH = 50

export class TempUrlPhotoLinks implements PhotoLinks {
  constructor(private readonly storage: Storage) {}

  async links(fileIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(fileIds)]
    const out = new Map<string, string>()
    for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
      for (const [id, url] of await tempUrls(this.storage, unique.slice(i, i + TEMP_URL_BATCH), TEMP_URL_MAX_AGE_S)) out.set(id, url)
    }
    return out
  }
}
