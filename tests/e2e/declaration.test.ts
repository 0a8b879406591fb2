import type { Page } from 'playwright-core'
import { join } from 'node:path'
import type { BuildingListItem, Coverage, RegisterPage } from '../../shared/api'
import type { Community, Declaration, Grid, User } from '../../shared/model'
import { gridLabel } from '../../shared/gridNames'
import { checkCharacter } from '../../shared/identity/idDocuments'
import { maskIdNumber, maskPhone } from '../../shared/identity/masking'
import { maskName } from '../../shared/declarations/words'
import { asUser, loginAs, newPhone, openWorld, PHONE, shot, SHOTS, stationed, wholeShot, type World } from './browser'

// Residence declaration (居住登记, issue 11) end to end in the real H5 build: a resident
// declares a household of two for an empty room, the grid's worker verifies it (seeing the
// numbers masked, and one whole only with a reason the audit log keeps), and then the
// resident sees it verified, home says "my grid" from the address, and the grid's coverage
// rises. Every step a person takes goes through the pages; the ports are only read.
jest.setTimeout(240_000)

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const RESIDENT = 'u_resident_1'
const ADMIN = 'u_admin_1'
/** a community other than the resident's present home grid's (莲花一村社区), so the card visibly moves */
const COMMUNITY = 'c-tianmian'
const REVEAL_REASON = '上门核对证件原件，号码看不清'

/**
 * A valid 18-digit resident ID number (address code, birth date, sequence, MOD 11-2 check):
 * the first sequence whose check character is, or is not, X. Beijing's 东城 code: none of the
 * demo's seeded numbers (Shenzhen's 4403xx) can be the same.
 */
function idNumber(birth: string, endsInX: boolean): string {
  for (let seq = 1; seq < 1000; seq++) {
    const body = `110101${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`
    if ((checkCharacter(body) === 'X') === endsInX) return body + checkCharacter(body)
  }
  throw new Error('no sequence gives that check character')
}

/** Everything the page holds as text, hidden pages of the stack included. */
const allText = (page: Page) => page.evaluate(() => document.body.textContent ?? '')

/** One part of the page, whole: the phone is made as tall as the page for the picture (still 390 wide), then put back. */
async function shotOf(page: Page, selector: string, name: string) {
  const tall = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.taro_page_stationed')].map((p) => p.scrollHeight)))
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.max(tall, PHONE.viewport.height) })
  await page.locator(selector).screenshot({ path: join(SHOTS, `${name}.png`) })
  await page.setViewportSize(PHONE.viewport)
}

/** An empty room of the community (no current resident, no open declaration), searched from its last building's last room. */
async function emptyRoom(): Promise<{ building: BuildingListItem; buildingIndex: number; unitIndex: number; room: { id: string; number: string } }> {
  const buildings = await asUser<BuildingListItem[]>(world, RESIDENT, 'user', 'listBuildings', { communityId: COMMUNITY })
  for (let b = buildings.length - 1; b >= 0; b--) {
    const building = buildings[b]
    const open = await world.stack.deps.declarations.listOpen([building.gridId], { limit: 100 })
    for (let u = building.units.length - 1; u >= 0; u--) {
      for (const room of [...building.units[u].rooms].reverse()) {
        if (open.items.some((d) => d.roomId === room.id)) continue
        if ((await world.stack.deps.declarations.roomResidents(room.id)).length === 0) return { building, buildingIndex: b, unitIndex: u, room }
      }
    }
  }
  throw new Error(`no empty room in ${COMMUNITY}`)
}

const coverageOf = async (workerId: string) => (await asUser<RegisterPage>(world, workerId, 'worker', 'listRegister', {})).coverage

// the household, as the resident types it
const ADULT_ID = idNumber('1986-03-12', false)
const CHILD_ID = idNumber('2012-07-08', true)
const ADULT_PHONE = '13760001234'
const CHILD_NAME = '林小雨'
const MOVE_IN = '2019-09-01'

describe('residence declaration in a browser', () => {
  // The one household's way through, step by step: each step's phones stay open for the next
  // (the resident's and the worker's), so a step that fails leaves the others to say theirs.
  interface Flow {
    resident: User
    worker: User
    grid: Grid
    community: Community
    target: Awaited<ReturnType<typeof emptyRoom>>
    /** the address as the server labels it: "8栋2单元602" */
    label: string
    before: Coverage
    residentPage: Page
    workerPage?: Page
    declaration?: Declaration
  }
  let flow: Flow
  const declared = () => {
    if (!flow.declaration) throw new Error('the declaration step did not get as far as a stored declaration')
    return flow.declaration
  }

  beforeAll(async () => {
    const resident = (await world.stack.store.reference.getUser(RESIDENT))!
    const target = await emptyRoom()
    const grid = (await world.stack.store.reference.getGrid(target.building.gridId))!
    const worker = (await world.stack.store.reference.getUser(grid.workerIds[0]))!
    const community = (await world.stack.store.reference.getCommunity(COMMUNITY))!
    const label = `${target.building.name}${target.building.units[target.unitIndex].unit}${target.room.number}`
    flow = { resident, worker, grid, community, target, label, before: await coverageOf(worker.id), residentPage: (await newPhone(world)).page }
  })

  it('lets the resident declare a household of two for an empty room, naming each missing field first', async () => {
    const { resident, grid, community, target, label, residentPage: page } = flow
    expect(CHILD_ID.endsWith('X')).toBe(true)
    expect(resident.homeGridId).not.toBe(grid.id) // the card's grid will change because of the address, not by chance
    expect(flow.worker.gridIds[0]).toBe(grid.id) // the register page opens on this grid
    expect((await world.stack.deps.declarations.listByDeclarant(RESIDENT, { limit: 50 })).items).toHaveLength(0)

    await loginAs(world, page, RESIDENT, 'page-home')
    await page.waitForSelector('#home-contact-card')
    expect(await page.getAttribute('#home-go-declare', 'data-declared')).toBe('false')
    expect(await page.textContent('#home-go-declare')).toContain('登记我家住址和居住人')
    await wholeShot(page, 'declare-01-home-entry')
    await page.click('#home-go-declare')
    await stationed(page, 'page-declare')

    // an empty form: sending waits for the consent, then every missing field is named under it
    // (NutUI's button says disabled by its class; a tap on it sends nothing)
    expect(await page.getAttribute('#declare-submit', 'class')).toContain('nut-button-disabled')
    expect(await page.textContent('#declare-submit-hint')).toContain('我已阅读并同意')
    await page.click('#declare-submit')
    expect(await page.locator('.taro_page_stationed .field-error').count()).toBe(0)
    await page.click('#declare-agree')
    expect(await page.textContent('#declare-agree')).toContain('已勾选')
    await page.click('#declare-submit')
    await page.waitForSelector('#field-error-roomId')
    expect(await page.textContent('#field-error-roomId')).toContain('房号')
    expect(await page.textContent('#field-error-standing')).toBe('请选择您与该房屋的关系')
    expect(await page.textContent('#field-error-persons-0-name')).toContain('姓名')
    expect(await page.textContent('#field-error-persons-0-idNumber')).toContain('证件号码')
    expect(await page.textContent('#field-error-persons-0-relation')).toContain('与户主关系')
    expect(await page.textContent('#field-error-persons-0-moveInDate')).toContain('入住日期')
    expect(await page.textContent('#declare-form-error')).toBe('请按红字提示修改后再提交')
    await wholeShot(page, 'declare-02-empty-form-messages')
    expect((await world.stack.deps.declarations.listByDeclarant(RESIDENT, { limit: 50 })).items).toHaveLength(0)

    // 第1步 the room: community → building → unit → room
    await page.click(`#declare-community-${COMMUNITY}`)
    await page.click(`#declare-building-${target.buildingIndex}`)
    if (target.building.units.length > 1) await page.click(`#declare-unit-${target.unitIndex}`)
    await page.click(`#declare-room-${target.room.number.replace(/[^A-Za-z0-9-]/g, '_')}`)
    await page.waitForSelector('#declare-address')
    expect(await page.textContent('#declare-address')).toContain(`${community.name} ${label}`)
    expect(await page.isVisible('#field-error-roomId')).toBe(false)

    // 第2步 业主; 第3步 two people: the resident (本人, with a phone) and a child (an ID ending in x, typed small)
    await page.click('#declare-standing-owner')
    expect(await page.textContent('#declare-standing-owner')).toContain('✓')
    await page.fill('#declare-p0-name input', resident.name)
    await page.fill('#declare-p0-idNumber input', ADULT_ID)
    await page.fill('#declare-p0-phone input', ADULT_PHONE)
    await page.click('#declare-p0-rel-self')
    await page.fill('#declare-p0-moveInDate input', MOVE_IN)
    await page.click('#declare-add-person')
    await page.waitForSelector('#declare-person-1')
    await page.fill('#declare-p1-name input', CHILD_NAME)
    await page.fill('#declare-p1-idNumber input', CHILD_ID.toLowerCase())
    await page.click('#declare-p1-rel-child')
    await page.fill('#declare-p1-moveInDate input', MOVE_IN)
    expect(await page.textContent('#declare-p0-rel-self')).toContain('✓ 本人')
    expect(await page.textContent('#declare-p1-rel-child')).toContain('✓ 子女')
    // each answered field's message went when it was answered
    for (const f of ['standing', 'persons-0-name', 'persons-0-idNumber', 'persons-0-relation', 'persons-0-moveInDate']) expect(await page.isVisible(`#field-error-${f}`)).toBe(false)
    await wholeShot(page, 'declare-03-form-filled')

    await page.click('#declare-submit')
    await stationed(page, 'page-household')
    await page.waitForSelector('#household-sent')
    expect(await page.textContent('#household-sent')).toContain('已提交，状态：待核查')
    const [declaration] = (await world.stack.deps.declarations.listByDeclarant(RESIDENT, { limit: 50 })).items
    expect(declaration).toMatchObject({ status: 'pending', kind: 'move_in', roomId: target.room.id, gridId: grid.id, standing: 'owner', addressLabel: label, assigneeId: flow.worker.id })
    expect(declaration.persons.map((p) => [p.name, p.relation, p.moveInDate, p.idNumber.masked])).toEqual([
      [resident.name, 'self', MOVE_IN, maskIdNumber(ADULT_ID)],
      [CHILD_NAME, 'child', MOVE_IN, maskIdNumber(CHILD_ID)],
    ])
    expect(declaration.persons[1].phone).toBeNull()
    // stored sealed: the record holds neither number nor the phone
    const stored = JSON.stringify(declaration)
    for (const plain of [ADULT_ID, CHILD_ID, ADULT_PHONE]) expect(stored).not.toContain(plain)
    flow.declaration = declaration
    const card = page.locator(`#declaration-${declaration.id}`)
    expect(await card.getAttribute('data-status')).toBe('pending')
    expect(await card.textContent()).toContain('状态：待核查')
    expect(await card.textContent()).toContain(`${resident.name}、${CHILD_NAME}`)
    await wholeShot(page, 'declare-04-household-pending')
  })

  it("lets the grid's worker verify it, the numbers masked and one shown whole only with a reason", async () => {
    const { resident, worker, label } = flow
    const declaration = declared()
    const { page: w } = await newPhone(world)
    flow.workerPage = w
    await loginAs(world, w, worker.id, 'page-inbox')
    await w.click('#inbox-tab-verify')
    const item = w.locator(`.verify-item[data-declaration-id="${declaration.id}"]`)
    await item.waitFor()
    expect(await item.textContent()).toContain(label)
    expect(await item.textContent()).toContain('2 人')
    expect(await item.textContent()).toContain('待核查')
    await wholeShot(w, 'declare-05-worker-inbox-verify-tab')
    await item.click()
    await stationed(w, 'page-verify')
    await w.waitForSelector('#verify-persons .person')
    expect(await w.textContent('#verify-status')).toBe('状态：待核查')
    expect(await w.textContent('#verify-declarant')).toContain(`申报人：${resident.name}`)
    expect(await w.textContent('#verify-declarant')).toContain(maskPhone(resident.phone))
    const persons = w.locator('#verify-persons')
    expect(await persons.textContent()).toContain(maskIdNumber(ADULT_ID))
    expect(await persons.textContent()).toContain(maskIdNumber(CHILD_ID))
    expect(await persons.textContent()).toContain(maskPhone(ADULT_PHONE))
    expect(await w.textContent('#verify-room')).toContain('本户在实有人口登记中还没有人')
    let text = await allText(w)
    for (const plain of [ADULT_ID, CHILD_ID, ADULT_PHONE]) expect(text).not.toContain(plain)
    await wholeShot(w, 'declare-06-worker-verify-masked')

    // the child's whole number, with a reason
    const child = declaration.persons[1]
    const childId = w.locator(`.person[data-person-id="${child.id}"] [data-field=idNumber]`)
    await childId.locator('[data-action=reveal]').click()
    await w.waitForSelector('#reveal-dialog')
    expect(await w.textContent('#reveal-dialog')).toContain(`查看 ${CHILD_NAME} 的完整证件号码`)
    expect(await w.textContent('#reveal-explain')).toContain('审计日志')
    await w.fill('#reveal-revealReason textarea', REVEAL_REASON)
    await shot(w, 'declare-07-worker-reveal-reason')
    await w.click('#reveal-submit')
    await childId.locator('[data-whole=yes]').waitFor()
    expect(await childId.locator('.person-field-value').textContent()).toBe(CHILD_ID)
    expect(await childId.textContent()).toContain('已记入审计日志')
    // only the one asked for: the adult's number stays masked
    expect(await allText(w)).not.toContain(ADULT_ID)
    await shotOf(w, '#verify-persons', 'declare-08-worker-revealed')

    // 核验通过, confirmed
    await w.click('#review-approve')
    await w.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' })
    // Taro's modal fades in: the picture once it is there
    await w.waitForFunction(() => getComputedStyle(document.querySelector('.taro__modal')!).opacity === '1')
    expect(await w.textContent('.taro__modal .taro-modal__text')).toContain(`2 人将登记为 ${label} 的实有人口`)
    await shot(w, 'declare-09-worker-approve-confirm')
    await w.click('.taro__modal .taro-model__confirm')
    // faded out and gone (its own box has no size: its parts are fixed, so "hidden" would pass at once)
    await w.waitForFunction(() => [...document.querySelectorAll('.taro__modal')].every((m) => getComputedStyle(m).display === 'none'))
    await w.waitForFunction(() => document.querySelector('.taro_page_stationed #verify-status')?.textContent === '状态：已核验')
    expect(await w.textContent('#verify-review')).toContain('核查结果：核验通过')
    expect(await w.textContent('#verify-notice')).toContain('已核验通过')
    await w.waitForSelector('#review-form', { state: 'detached' })
    expect(await w.textContent('#verify-room')).toContain('本户已登记的实有人口（2 人）')
    // the whole number went with the decision: nothing left to reveal, nothing shown whole
    text = await allText(w)
    for (const plain of [ADULT_ID, CHILD_ID, ADULT_PHONE]) expect(text).not.toContain(plain)
    expect(await w.locator('[data-action=reveal]').count()).toBe(0)
    await wholeShot(w, 'declare-10-worker-verified')

    expect((await world.stack.deps.declarations.get(declaration.id))!.status).toBe('verified')
    const residents = await world.stack.deps.declarations.roomResidents(flow.target.room.id)
    expect(residents.map((r) => r.name).sort()).toEqual([resident.name, CHILD_NAME].sort())
    const moved = (await world.stack.store.reference.getUser(RESIDENT))!
    expect(moved.homeGridId).toBe(flow.grid.id)
    expect(moved.homeAddress).toEqual({ roomId: flow.target.room.id, label: `${flow.community.name}${label}` })
  })

  it('shows the district office who looked at whose number, and why', async () => {
    const declaration = declared()
    const { page: admin, context } = await newPhone(world)
    await loginAs(world, admin, ADMIN, 'page-home')
    await admin.click('#home-go-admin')
    await stationed(admin, 'page-admin')
    await admin.click('#admin-tool-audit')
    await stationed(admin, 'page-admin-audit')
    const entry = admin.locator('.admin-audit').first()
    await entry.waitFor()
    expect(await entry.locator('[data-field=who]').textContent()).toContain(flow.worker.name)
    expect(await entry.locator('[data-field=what]').textContent()).toContain(`${maskName(CHILD_NAME)} 的证件号码`)
    expect(await entry.locator('[data-field=where]').textContent()).toContain(declaration.id)
    expect(await entry.locator('[data-field=reason]').textContent()).toBe(`理由：${REVEAL_REASON}`)
    expect(await admin.locator('.admin-audit').count()).toBe(1) // one look, one entry
    expect(await allText(admin)).not.toContain(CHILD_ID)
    await wholeShot(admin, 'declare-11-admin-audit')
    await context.close()
  })

  it("shows the resident '已核验' and the household of two, masked, and tells them by message", async () => {
    const { community, label, target, residentPage: page } = flow
    const declaration = declared()
    await page.reload()
    await stationed(page, 'page-household')
    const verifiedCard = page.locator(`#declaration-${declaration.id}[data-status=verified]`)
    await verifiedCard.waitFor()
    expect(await verifiedCard.textContent()).toContain('状态：已核验')
    const household = page.locator(`#household-${target.room.id.replace(/[^A-Za-z0-9_-]/g, '_')}`)
    await household.waitFor()
    expect(await household.textContent()).toContain(`${community.name} ${label}`)
    expect(await household.textContent()).toContain('已核验的居住人（2人）')
    expect(await household.textContent()).toContain(maskIdNumber(ADULT_ID))
    expect(await household.textContent()).toContain(maskIdNumber(CHILD_ID))
    expect(await household.locator('.declare-resident').count()).toBe(2)
    const text = await allText(page)
    for (const plain of [ADULT_ID, CHILD_ID, ADULT_PHONE]) expect(text).not.toContain(plain)
    await wholeShot(page, 'declare-12-household-verified')

    await page.goto(`${world.base}/#/case/messages`)
    await stationed(page, 'page-messages')
    const message = page.locator('.message-item', { hasText: '您的居住登记已核验' }).first()
    await message.waitFor()
    expect(await message.textContent()).toContain(label)
    await shot(page, 'declare-13-resident-message')
    await message.click()
    await stationed(page, 'page-household')
    await page.locator(`#declaration-${declaration.id}[data-status=verified]`).waitFor()
  })

  it("makes home's 'my grid' the address's grid, and says it came from the address", async () => {
    const { community, grid, label, residentPage: page } = flow
    declared()
    await page.goto(`${world.base}/#/pages/home/index`)
    await stationed(page, 'page-home')
    const contact = page.locator(`#home-contact-card[data-grid-id="${grid.id}"][data-source=home]`)
    await contact.waitFor()
    expect(await page.textContent('#home-grid-name')).toBe(gridLabel(community.name, grid.name))
    expect(await page.getAttribute('#home-go-declare', 'data-declared')).toBe('true')
    expect(await page.textContent('#home-go-declare')).toContain('查看我家的登记和进度')
    await shot(page, 'declare-14-home-card-from-address')
    await shotOf(page, '#home-contact-card', 'declare-14-home-card-from-address-part')
    // the card says which address it came from
    expect(await contact.textContent()).toContain(label)
  })

  it("raises the grid's coverage by the room", async () => {
    const { before, label, target, worker } = flow
    declared()
    const w = flow.workerPage
    if (!w) throw new Error("the worker's step did not get as far as opening a phone")
    await w.goto(`${world.base}/#/worker/inbox/index`)
    await stationed(w, 'page-inbox')
    await w.click('#inbox-go-register')
    await stationed(w, 'page-register')
    await w.waitForSelector('#register-coverage-words')
    const words = (await w.textContent('#register-coverage-words'))!
    expect(words).toContain(`已核验 ${before.verifiedRooms + 1} 户`)
    expect(words).toContain(`实有人口 ${before.residents + 2} 人`)
    expect(await w.textContent('#register-coverage')).toContain(flow.grid.name)
    const room = w.locator(`.register-room[data-room-id="${target.room.id}"]`)
    await room.waitFor()
    expect(await room.textContent()).toContain(`${label}（2 人）`)
    await wholeShot(w, 'declare-15-worker-register-coverage')
    expect((await coverageOf(worker.id)).verifiedRooms).toBe(before.verifiedRooms + 1)
  })

  it('keeps the persons step whole at 390 px in large-text mode, messages included', async () => {
    const { context, page } = await newPhone(world)
    await loginAs(world, page, 'u_resident_2', 'page-home')
    await page.waitForSelector('#home-contact-card')
    await page.click('#home-go-declare')
    await stationed(page, 'page-declare')
    await page.click('#declare-add-person')
    await page.fill('#declare-p0-name input', '欧阳建国')
    await page.fill('#declare-p0-idNumber input', '11010119860312001') // one digit short
    await page.fill('#declare-p1-name input', '欧阳小雨')
    await page.click('#declare-agree')
    await page.click('#declare-submit')
    await page.waitForSelector('#field-error-persons-0-idNumber')
    expect(await page.textContent('#field-error-persons-0-idNumber')).toBe('证件号码应为18位，现在是17位')

    // the switch lives on the home page, which stays in the page stack (hidden)
    const every = (large: boolean) => page.waitForFunction((on) => [...document.querySelectorAll('.gl-page')].every((e) => e.classList.contains('gl-large') === on), large)
    await page.dispatchEvent('#large-text-toggle', 'click')
    await every(true)
    await page.locator('#declare-person-0').evaluate((e) => e.scrollIntoView({ block: 'start' }))
    await shot(page, 'declare-16-persons-large')
    await shotOf(page, '#declare-person-0', 'declare-16-persons-large-person-1')
    await shotOf(page, '#declare-person-1', 'declare-16-persons-large-person-2')
    const overflow = await page.evaluate(() => {
      const width = window.innerWidth
      const wide = [...document.querySelectorAll('.taro_page_stationed #page-declare *')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > width + 0.5 })
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
      const pages = [...document.querySelectorAll('.taro_page_stationed')].filter((p) => p.scrollWidth > p.clientWidth).map((p) => p.id || p.className)
      return { width, document: document.scrollingElement!.scrollWidth, wide, pages }
    })
    expect(overflow.width).toBe(390)
    expect(overflow.document).toBeLessThanOrEqual(390)
    expect(overflow.pages).toEqual([])
    expect(overflow.wide).toEqual([])
    await page.dispatchEvent('#large-text-toggle', 'click')
    await every(false)
    await context.close()
  })

  it('keeps what a resident typed when the network drops, and a retry after a lost answer stores one declaration', async () => {
    const userId = 'u_resident_4'
    const target = await emptyRoom()
    const count = async () => (await world.stack.deps.declarations.listByDeclarant(userId, { limit: 50 })).items.length
    expect(await count()).toBe(0)
    const { context, page } = await newPhone(world)
    await loginAs(world, page, userId, 'page-home')
    await page.click('#home-go-declare')
    await stationed(page, 'page-declare')
    await page.click(`#declare-community-${COMMUNITY}`)
    await page.click(`#declare-building-${target.buildingIndex}`)
    if (target.building.units.length > 1) await page.click(`#declare-unit-${target.unitIndex}`)
    await page.click(`#declare-room-${target.room.number.replace(/[^A-Za-z0-9-]/g, '_')}`)
    await page.click('#declare-standing-tenant')
    await page.fill('#declare-p0-name input', '欧阳建国')
    await page.fill('#declare-p0-idNumber input', idNumber('1979-11-30', false))
    await page.click('#declare-p0-rel-self')
    await page.fill('#declare-p0-moveInDate input', '2024-02-01')
    await page.click('#declare-agree')

    // the network is cut: nothing reaches the host, the page says what to do, the form stays
    await context.setOffline(true)
    await page.click('#declare-submit')
    await page.waitForSelector('#declare-form-error')
    expect(await page.textContent('#declare-form-error')).toContain('网络不通')
    expect(await page.inputValue('#declare-p0-name input')).toBe('欧阳建国')
    await wholeShot(page, 'declare-17-offline')
    expect(await count()).toBe(0)

    // leaving the page and coming back (still offline): the draft is there
    await page.evaluate(() => history.back())
    await stationed(page, 'page-home')
    await page.click('#home-go-declare')
    await stationed(page, 'page-declare')
    await page.waitForSelector('#declare-draft')
    expect(await page.inputValue('#declare-p0-name input')).toBe('欧阳建国')
    await context.setOffline(false)

    // the host stores the declaration but its answer is lost on the way back: the page says the
    // network failed, and the same tap again is the same request, answered with the first record
    const sent: string[] = []
    await page.route('**/api/resident', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { action?: string; requestId?: string }
      if (body.action !== 'declareResidence') return route.continue()
      sent.push(body.requestId ?? 'none')
      if (sent.length > 1) return route.continue()
      await route.fetch()
      await route.abort('failed')
    })
    // the consent is given at each sending, never kept in a draft
    if (!(await page.textContent('#declare-agree'))?.includes('已勾选')) await page.click('#declare-agree')
    await page.click('#declare-submit')
    await page.waitForSelector('#declare-form-error')
    expect(await page.textContent('#declare-form-error')).toContain('网络不通')
    expect(await count()).toBe(1)
    await page.click('#declare-submit')
    await stationed(page, 'page-household')
    expect(sent).toHaveLength(2)
    expect(sent[1]).toBe(sent[0])
    expect(await count()).toBe(1)
    await context.close()
  })

  it("leaves none of the typed ID numbers or phone in the host's logs", async () => {
    const log = world.logs.join('\n')
    for (const plain of [ADULT_ID, CHILD_ID, ADULT_PHONE]) expect(log).not.toContain(plain)
    expect(log).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/)
  })
})
