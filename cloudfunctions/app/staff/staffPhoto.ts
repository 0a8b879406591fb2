import type { StaffRecord } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { isGridStaffRole } from '../../../shared/roles'
import type { SetStaffPhotoInput } from '../../../shared/schemas/admin'
import { submitPhotosQuietly } from '../content'
import { checkOwnPhotos } from '../photos'
import type { Needs } from '../ports'
import { invalid, loadStaff, oneStaffRecord, type RecordDeps } from './staffRecord'

// The face on the contact card (网格员服务联系卡): the office takes it on a phone and uploads
// it on the staff page. It is a file of our own storage the caller uploaded, kept on the
// record as its id; residents see it once content review passed it (contactCard.ts), and
// until then the card shows the bundled face.

type PhotoDeps = RecordDeps & Needs<'files'>

export async function setStaffPhoto(deps: PhotoDeps, caller: User, input: SetStaffPhotoInput): Promise<Result<StaffRecord>> {
  const loaded = await loadStaff(deps, caller, input.userId, 'setStaffPhoto')
  if (!loaded.ok) return loaded
  const person = loaded.value
  // only the grid's leader and workers are on a contact card
  if (!isGridStaffRole(person.role)) return invalid('userId', '只有网格员和网格长的照片显示在居民的联系卡上')
  if (input.photo === null) {
    if (!person.photoUrl) return ok(await oneStaffRecord(deps, person))
    const { photoUrl: _, ...without } = person
    await deps.reference.saveUsers([without])
    return ok(await oneStaffRecord(deps, without))
  }
  // a file id is never a way into someone else's upload
  if (await checkOwnPhotos(deps, caller, [input.photo], 'photo')) return invalid('photo', '照片不存在或已失效，请重新上传')
  const withPhoto: User = { ...person, photoUrl: input.photo }
  await deps.reference.saveUsers([withPhoto])
  // again for the same photo too: CloudBase submits only a photo not yet under review, so this retries one that failed
  await submitPhotosQuietly(deps, caller, [input.photo])
  return ok(await oneStaffRecord(deps, withPhoto))
}
