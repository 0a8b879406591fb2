import type { Grid, LngLat, User } from '../../../shared/model'
import type { Deps, GridRouter } from '../../app/ports'
import { importBuildings } from '../../app/buildings/importBuildings'
import { acceptTask, resolveTask } from '../../app/tasks/handleTask'
import { rateReport } from '../../app/reports/rateReport'
import { submitReport } from '../../app/reports/submitReport'
import { setStaffPhoto } from '../../app/staff/staffPhoto'
import type { DiskFiles } from '../../adapters/local/diskFiles'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from './demoArea'
import { DEMO_BUILDINGS_PER_GRID, demoBuildingsCsv } from './demoBuildings'
import { demoPeople } from './people'
import { demoReports, type Progress } from './demoReports'
import { sampleAvatar, samplePhoto } from './samplePhoto'
import { seedHouseholds } from './seedHouseholds'

const HOUR = 3_600_000
const STEPS: Record<Progress, number> = { assigned: 0, accepted: 1, resolved: 2, closed: 3, reopened: 3 }

/** Seeds the demo street through the real use cases, so every record is one the app could make. */
export async function seedDemo(files: DiskFiles, deps: Deps) {
  const { users, staff, dispatchers } = demoPeople(DEMO_STREET.id, DEMO_COMMUNITIES, DEMO_GRIDS)
  const grids: Grid[] = DEMO_GRIDS.map((g) => ({ ...g, workerIds: [staff.get(g.id)!.workerId], leaderId: staff.get(g.id)!.leaderId }))
  const streetDispatchers = users.filter((u) => u.role === 'street_dispatcher' && u.streetId === DEMO_STREET.id).map((u) => u.id)
  // people first: the map's grids name their staff
  await deps.reference.saveUsers(users)
  await deps.reference.saveMap({
    streets: [{ ...DEMO_STREET, dispatcherIds: streetDispatchers }],
    communities: DEMO_COMMUNITIES.map((c) => ({ ...c, dispatcherIds: [dispatchers.get(c.id)!] })),
    grids,
  })
  await seedStaffPhotos(files, deps, users, staff.get(DEMO_POINTS.insideClear.expected.gridId!)!)
  const gridRouter = deps.router
  await seedBuildings(deps, users, grids)
  await seedHouseholds(deps, users, grids, DEMO_COMMUNITIES)

  const reporters = users.filter((u) => u.role === 'resident' || u.role === 'volunteer')
  const scenarios = demoReports(36)
  let t = Date.now() - scenarios.length * 6 * HOUR
  const at = () => t
  const seedDeps: Deps = { ...deps, clock: { now: at } }
  for (const [i, s] of scenarios.entries()) {
    t += 6 * HOUR
    const grid = grids[i % grids.length]
    const reporter = reporters[i % reporters.length]
    // One report in the gap between grids: no grid holds it, so it goes to the nearest one, flagged.
    // and one far from every grid inside 新田社区, in that community's dispatcher queue
    const point = i === 7 ? DEMO_POINTS.inGap.point : i === 19 ? DEMO_POINTS.farInCommunity.point : await interiorPoint(gridRouter, grid, i)
    const photo = await files.saveFile(reporter.id, 'image/png', samplePhoto([80 + ((i * 37) % 150), 120, 160 - ((i * 23) % 100)]))
    if ('error' in photo) throw new Error(photo.error)
    const submitted = await submitReport(seedDeps, reporter, { ...s, photos: [photo.id], location: { ...point, accuracyM: 15 } }, `seed-report-${i}`)
    if (!submitted.ok) throw new Error(`seed report ${i}: ${submitted.error.message}`)
    if (!submitted.value.gridId) continue
    const worker = users.find((u) => u.id === staff.get(submitted.value.gridId!)!.workerId)!
    const taskId = (await deps.cases.getReport(submitted.value.reportId))!.taskId
    for (let step = 1; step <= STEPS[s.progress]; step++) {
      t += HOUR
      const task = (await deps.cases.getTask(taskId))!
      if (step === 1) must(await acceptTask(seedDeps, worker, { taskId, version: task.version }))
      if (step === 2) {
        const result = await files.saveFile(worker.id, 'image/png', samplePhoto([90, 170, 110]))
        if ('error' in result) throw new Error(result.error)
        must(await resolveTask(seedDeps, worker, { taskId, version: task.version, text: '已到现场处理完毕，并向相关住户做了宣传提醒', photos: [result.id] }))
      }
      if (step === 3) {
        const good = s.progress === 'closed'
        must(await rateReport(seedDeps, reporter, { reportId: submitted.value.reportId, stars: good ? 5 : 2, solved: good, comment: good ? '处理很及时，谢谢网格员' : '还是老样子，没解决' }))
      }
    }
  }
}

/** The building registry, imported from a CSV by the district office as the admin page does. */
async function seedBuildings(deps: Deps, users: User[], grids: Grid[]) {
  const office = users.find((u) => u.role === 'district_admin')!
  const points = new Map<string, LngLat[]>()
  for (const [i, g] of grids.entries()) {
    const spots: LngLat[] = []
    for (let k = 0; k < DEMO_BUILDINGS_PER_GRID; k++) spots.push(await interiorPoint(deps.router, g, 100 + i * 7 + k * 3))
    points.set(g.id, spots)
  }
  const csv = demoBuildingsCsv(DEMO_COMMUNITIES, grids, points)
  const imported = await importBuildings(deps, office, { csv, apply: true })
  if (!imported.ok || !imported.value.applied) throw new Error(`seed buildings: ${imported.ok ? imported.value.problems[0]?.message : imported.error.message}`)
}

/** The first grid's leader and worker get a portrait, uploaded by the district office as the staff page does; the rest keep the bundled face. */
async function seedStaffPhotos(files: DiskFiles, deps: Deps, users: User[], grid: { workerId: string; leaderId: string }) {
  const office = users.find((u) => u.role === 'district_admin')!
  const portraits: [string, [number, number, number]][] = [[grid.leaderId, [96, 140, 200]], [grid.workerId, [120, 170, 130]]]
  for (const [userId, ground] of portraits) {
    const photo = await files.saveFile(office.id, 'image/png', sampleAvatar(ground))
    if ('error' in photo) throw new Error(photo.error)
    must(await setStaffPhoto(deps, office, { userId, photo: photo.id }))
  }
}

function must(r: { ok: boolean; error?: { message: string } }) {
  if (!r.ok) throw new Error(`seed step failed: ${r.error?.message}`)
}

/** A point well inside the grid: the outer ring's vertex average, nudged until it routes 'inside'. */
async function interiorPoint(router: GridRouter, grid: Grid, salt: number): Promise<LngLat> {
  const ring = grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0][0]
  const c = ring.reduce((acc, [lng, lat]) => ({ lng: acc.lng + lng / ring.length, lat: acc.lat + lat / ring.length }), { lng: 0, lat: 0 })
  for (let k = 0; k < 50; k++) {
    const p = { lng: c.lng + (((salt * 13 + k * 7) % 9) - 4) * 0.00015, lat: c.lat + (((salt * 11 + k * 5) % 9) - 4) * 0.00012 }
    const r = await router.route(p)
    if (r.outcome === 'inside' && r.gridId === grid.id) return p
  }
  return c
}
