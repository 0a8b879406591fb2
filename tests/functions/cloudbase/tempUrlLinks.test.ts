import { TEMP_URL_BATCH, TempUrlPhotoLinks } from '../../../cloudfunctions/adapters/cloudbase/tempUrlLinks'
import type { Storage } from '../../../cloudfunctions/adapters/cloudbase/uploads'

// Photos in CloudBase reach a screen as temporary URLs, asked for in bounded batches.
describe('CloudBase photo links', () => {
  it('asks storage for temporary URLs in batches, once per photo, and leaves out what storage does not have', async () => {
    const asked: string[][] = []
    const storage: Storage = {
      getTempFileURL: async ({ fileList }) => {
        asked.push(fileList.map((f) => f.fileID))
        expect(fileList.every((f) => f.maxAge === 3600)).toBe(true)
        return { fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://tmp.example/${f.fileID}`, code: f.fileID === 'gone' ? 'STORAGE_FILE_NONEXIST' : 'SUCCESS' })) }
      },
    }
    const ids = [...Array.from({ length: TEMP_URL_BATCH + 3 }, (_, i) => `cloud://p${i}`), 'cloud://p0', 'gone']
    const links = await new TempUrlPhotoLinks(storage).links(ids)
    expect(asked.map((a) => a.length)).toEqual([TEMP_URL_BATCH, 4])
    expect(links.get('cloud://p0')).toBe('https://tmp.example/cloud://p0')
    expect(links.has('gone')).toBe(false)
    expect(links.size).toBe(TEMP_URL_BATCH + 3)
  })
})
