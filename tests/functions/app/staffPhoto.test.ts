import type { ContentCheck } from '../../../cloudfunctions/app/ports'
import { LocalContentCheck } from '../../../cloudfunctions/adapters/local/localContentCheck'
import type { Grid } from '../../../shared/model'
import { OTHER_RESIDENT, openTestStack, photoIdOf, RESIDENT, type TestStack } from '../harness'

// The face on the contact card: the office takes it on a phone and uploads it on the staff
// page (admin.setStaffPhoto). Only a file the caller uploaded is accepted, it is sent for
// content review, and residents see it only once the review passed it.
let t: TestStack
beforeAll(async () => { t = await openTestStack() }, 60_000)
afterAll(() => t.close())
afterEach(() => { t.stack.deps.content = new LocalContentCheck() })

const ref = () => t.stack.deps.reference

/** The second grid of 莲花一村 (no seeded photo), its worker, the community's dispatcher, a resident who picked the grid, and staff of another community. */
async function cast() {
  const grids = (await ref().listGrids()).filter((g) => g.communityId === 'c-lianhua1').sort((a, b) => a.code!.localeCompare(b.code!))
  const grid: Grid = grids[1]
  const dispatcher = (await ref().getCommunity(grid.communityId))!.dispatcherIds[0]
  const elsewhere = (await ref().listGrids()).find((g) => g.communityId === 'c-tianmian')!
  await t.call('user', OTHER_RESIDENT, 'setHomeGrid', { gridId: grid.id })
  return { grid, worker: (await ref().getUser(grid.workerIds[0]))!, dispatcher, foreignWorker: elsewhere.workerIds[0] }
}
const setPhoto = (as: string, userId: string, photo: string | null) => t.call('admin', as, 'setStaffPhoto', { userId, photo })
/** The worker as the resident's card shows them. */
async function onCard(name: string) {
  const res = await t.call('user', OTHER_RESIDENT, 'myGrid', {})
  expect(res.data.found).toBe(true)
  return res.data.card.workers.find((w: any) => w.name === name)
}

describe('a staff photo for the contact card', () => {
  it('a community dispatcher sets a photo they uploaded for a worker of their community: the staff page and the resident\'s card link to it', async () => {
    const c = await cast()
    const photo = await t.upload(c.dispatcher)
    const res = await setPhoto(c.dispatcher, c.worker.id, photo)
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({ userId: c.worker.id, photoShown: true })
    expect(photoIdOf(res.data.photo)).toBe(photo)
    expect((await ref().getUser(c.worker.id))!.photoUrl).toBe(photo)
    expect(photoIdOf((await onCard(c.worker.name)).photoUrl)).toBe(photo)
    const listed = (await t.call('admin', c.dispatcher, 'listStaff', { limit: 100 })).data.items.find((s: any) => s.userId === c.worker.id)
    expect(photoIdOf(listed.photo)).toBe(photo)
  })

  it.each([
    ['the worker\'s own upload', async (c: Awaited<ReturnType<typeof cast>>) => t.upload(c.worker.id)],
    ['a resident\'s upload', async () => t.upload(RESIDENT)],
    ['a file id nobody uploaded', async () => 'f_made_up_0001'],
    ['a web address', async () => 'https://example.com/face.jpg'],
  ])('refuses %s, naming the photo, and changes nothing', async (_what, photoOf) => {
    const c = await cast()
    const before = await ref().getUser(c.worker.id)
    const res = await setPhoto(c.dispatcher, c.worker.id, await photoOf(c))
    expect(res.error).toEqual({ code: 'VALIDATION', message: '照片不存在或已失效，请重新上传', fields: { photo: '照片不存在或已失效，请重新上传' } })
    expect(await ref().getUser(c.worker.id)).toEqual(before)
  })

  it('refuses staff outside the caller\'s area, a dispatcher (not on any card), and a payload without a photo', async () => {
    const c = await cast()
    const photo = await t.upload(c.dispatcher)
    expect((await setPhoto(c.dispatcher, c.foreignWorker, photo)).error.code).toBe('FORBIDDEN')
    expect((await ref().getUser(c.foreignWorker))!.photoUrl).toBeUndefined()
    expect((await setPhoto('u_admin_1', c.dispatcher, await t.upload('u_admin_1'))).error).toMatchObject({ code: 'VALIDATION', fields: { userId: expect.stringMatching(/只有网格员和网格长/) } })
    expect((await t.call('admin', c.dispatcher, 'setStaffPhoto', { userId: c.worker.id })).error).toMatchObject({ code: 'VALIDATION', fields: { photo: '请填写照片编号' } })
  })

  it('sends the photo for review and shows it to residents only once passed; the staff page shows it meanwhile and says residents do not see it yet', async () => {
    const c = await cast()
    const submitted: string[][] = []
    const passed = new Set<string>()
    const review: ContentCheck = {
      checkText: async () => 'pass',
      submitPhotos: async (ids) => { submitted.push(ids) },
      visiblePhotos: async (ids) => new Set(ids.filter((id) => passed.has(id))),
    }
    t.stack.deps.content = review
    const photo = await t.upload(c.dispatcher)
    const res = await setPhoto(c.dispatcher, c.worker.id, photo)
    expect(submitted).toEqual([[photo]])
    expect(res.data.photoShown).toBe(false)
    expect(photoIdOf(res.data.photo)).toBe(photo)
    // under review, or refused: the card shows the bundled face
    expect(await onCard(c.worker.name)).not.toHaveProperty('photoUrl')
    passed.add(photo)
    expect(photoIdOf((await onCard(c.worker.name)).photoUrl)).toBe(photo)
  })

  it('null removes the photo: the card goes back to the bundled face, and removing none is answered as it is', async () => {
    const c = await cast()
    await setPhoto(c.dispatcher, c.worker.id, await t.upload(c.dispatcher))
    expect(await onCard(c.worker.name)).toHaveProperty('photoUrl')
    const removed = await setPhoto(c.dispatcher, c.worker.id, null)
    expect(removed.data).toMatchObject({ userId: c.worker.id, photo: null, photoShown: false })
    expect((await ref().getUser(c.worker.id))!).not.toHaveProperty('photoUrl')
    expect(await onCard(c.worker.name)).not.toHaveProperty('photoUrl')
    expect((await setPhoto(c.dispatcher, c.worker.id, null)).data).toMatchObject({ photo: null })
  })

  it('the demo seeds a portrait for the first grid\'s leader and worker, uploaded by the district office and shown on the card', async () => {
    const resident = (await ref().getUser(RESIDENT))!
    const card = (await t.call('user', RESIDENT, 'myGrid', {})).data.card
    const grid = (await ref().getGrid(resident.homeGridId!))!
    const leader = (await ref().getUser(grid.leaderId!))!
    expect(card.leader.photoUrl).toBeDefined()
    expect(photoIdOf(card.leader.photoUrl)).toBe(leader.photoUrl)
    expect(card.workers[0].photoUrl).toBeDefined()
    const [file] = await t.stack.deps.files.getFiles([leader.photoUrl!])
    expect(file.ownerId).toBe('u_admin_1')
  })
})
