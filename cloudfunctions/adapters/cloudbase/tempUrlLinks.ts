import type { PhotoLinks } from '../../app/ports'
import { tempUrls, type Storage } from './uploads'

// Photo links in CloudBase: temporary https URLs from cloud storage (getTempFileURL), so the
// bucket needs no "all users may read" rule; a view asks only for photos its viewer may see.
export const TEMP_URL_MAX_AGE_S = 3600

export class TempUrlPhotoLinks implements PhotoLinks {
  constructor(private readonly storage: Storage) {}

  links(fileIds: string[]): Promise<Map<string, string>> {
    return tempUrls(this.storage, fileIds, TEMP_URL_MAX_AGE_S)
  }
}
