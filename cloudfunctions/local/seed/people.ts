import type { Community, Grid, User } from '../../../shared/model'

// The demo street's people, named and numbered deterministically so screenshots and
// tests see the same faces on every machine.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'
const GIVEN = ['建国', '秀英', '志强', '丽华', '伟', '芳', '海燕', '军', '桂兰', '明', '静', '德华', '晓东', '玉梅', '国平', '红', '立新', '淑珍', '永强', '春梅']
/** The demo district office (区网格办): told of what reaches the district queue. */
export const DEMO_DISTRICT_OFFICE_IDS = ['u_admin_1']

/** A name from a surname and a given name, each by its own index (any number; they wrap). */
export const nameOf = (surname: number, given: number) => SURNAMES[surname % SURNAMES.length] + GIVEN[given % GIVEN.length]
export const nameAt = (i: number) => nameOf(i, i * 7)
export const givenNameAt = (i: number) => GIVEN[i % GIVEN.length]
export const phoneAt = (i: number) => `139${String(20_000_000 + i * 7919).padStart(8, '0')}`

// office hours as a community office posts them: residents call outside them too, so they say where to find the person
const WORKER_HOURS = '工作日 8:30–12:00、14:00–17:30，社区党群服务中心网格工作站'
const LEADER_HOURS = '工作日 9:00–17:30，社区党群服务中心'

export function demoPeople(streetId: string, communities: Pick<Community, 'id'>[], grids: Pick<Grid, 'id' | 'communityId'>[]) {
  let n = 0
  const next = () => n++
  const users: User[] = []
  const staff = new Map<string, { workerId: string; leaderId: string }>()
  grids.forEach((g, gi) => {
    const w = next(), l = next()
    const workerId = `u_worker_${gi + 1}`, leaderId = `u_leader_${gi + 1}`
    users.push({ id: workerId, name: nameAt(w), role: 'grid_worker', phone: phoneAt(w), gridIds: [g.id], communityId: g.communityId, streetId, duties: '巡查走访、隐患排查、居住登记核查、事件签收处置', officeHours: WORKER_HOURS })
    users.push({ id: leaderId, name: nameAt(l), role: 'grid_leader', phone: phoneAt(l), gridIds: [g.id], communityId: g.communityId, streetId, duties: '统筹网格事务，协调解决居民诉求，督办网格员处置', officeHours: LEADER_HOURS })
    staff.set(g.id, { workerId, leaderId })
  })
  const dispatchers = new Map<string, string>()
  communities.forEach((c, ci) => {
    const i = next()
    const id = `u_cdisp_${ci + 1}`
    users.push({ id, name: nameAt(i), role: 'community_dispatcher', phone: phoneAt(i), gridIds: [], communityId: c.id, streetId })
    dispatchers.set(c.id, id)
  })
  const s = next(), a = next()
  users.push({ id: 'u_sdisp_1', name: nameAt(s), role: 'street_dispatcher', phone: phoneAt(s), gridIds: [], streetId })
  users.push({ id: DEMO_DISTRICT_OFFICE_IDS[0], name: nameAt(a), role: 'district_admin', phone: phoneAt(a), gridIds: [] })
  for (let r = 0; r < 8; r++) {
    const i = next()
    users.push({ id: `u_resident_${r + 1}`, name: nameAt(i), role: 'resident', phone: phoneAt(i), gridIds: [], streetId, homeGridId: grids[(r * 5) % grids.length].id })
  }
  for (let v = 0; v < 3; v++) {
    const i = next()
    users.push({ id: `u_volunteer_${v + 1}`, name: nameAt(i), role: 'volunteer', phone: phoneAt(i), gridIds: [], streetId, homeGridId: grids[(v * 4 + 2) % grids.length].id })
  }
  return { users, staff, dispatchers }
}
