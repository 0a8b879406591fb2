import type { Role } from '../../../shared/roles'
import { POINTS, type Relation, type Subject, type World } from './matrixWorld'
import { taskAt, TASK_STAFF, type Cell, type Row } from './matrixRows'

// The matrix's rows for issue 13: "me too", merging, 代报/代申报, volunteers' points and patrols,
// the leaderboard and the public board. Allowed cells write nothing the other rows look at:
// joins are sent from 4 km away (refused by the radius), 代报 carries words the content check
// refuses, a 代申报 an old consent version, merges a stale version.

const ONLY_OWN = (make: (w: World, caller: string) => unknown) => (w: World, c: string, r: Relation) => (r === 'own' ? make(w, c) : null)
const own = (roles: readonly Role[]) => Object.fromEntries(roles.map((r) => [r, ['own']])) as Partial<Record<Role, readonly Relation[]>>
const ALL_ROLES: readonly Role[] = ['resident', 'volunteer', 'grid_worker', 'grid_leader', 'community_dispatcher', 'street_dispatcher', 'district_admin']
const NOT_OWN: readonly Relation[] = ['same_grid', 'other_grid', 'same_community', 'other_community', 'other_street']
const FAR = POINTS.other_street
const REFUSED_WORDS = '楼下有人办假证'
const reportOf = (w: World, c: string, r: Relation) => (r === 'own' ? (w.ownReports as Record<string, Subject>)[c] ?? w.subjects.same_grid : w.subjects[r])

export const NEIGHBOUR_ROWS: Record<string, Row> = {
  // public: anyone signed in
  'user.leaderboard': { payload: ONLY_OWN(() => ({ communityId: 'C1' })), allowed: own(ALL_ROLES) },
  'user.gridBoard': { payload: ONLY_OWN(() => ({ gridId: 'G1' })), allowed: own(ALL_ROLES) },
  // the list carries nothing personal: reporters, and grid staff filing 代报
  'resident.nearbyReports': { payload: ONLY_OWN(() => ({ category: 'garbage', location: POINTS.same_grid })), allowed: own(['resident', 'volunteer', 'grid_worker', 'grid_leader']) },
  // any report, from 4 km away: a reporter gets through to the radius's refusal (or own-report CONFLICT), staff are refused
  'resident.joinReport': {
    payload: (w, c, r) => ({ reportId: reportOf(w, c, r).reportId, location: FAR }),
    allowed: { resident: ['own', ...NOT_OWN], volunteer: ['own', ...NOT_OWN] },
  },
  'resident.reportOnBehalf': {
    payload: (w, c, r) => (r === 'own' ? null : {
      category: 'garbage', description: REFUSED_WORDS, photos: [w.photos[c]], location: POINTS[r as Exclude<Relation, 'own'>], onBehalf: { name: '李阿姨', phone: '13912345678' },
    }),
    allowed: Object.fromEntries(['volunteer', 'grid_worker', 'grid_leader'].map((role) => [role, NOT_OWN])),
  },
  'resident.declareOnBehalf': {
    payload: ONLY_OWN((w, c) => ({
      roomId: w.freeRooms[c], standing: 'tenant', consentVersion: '2000-01-01',
      persons: [{ name: '代申报住户', document: { idKind: 'resident', idNumber: w.nextIdNumber() }, phone: '13800000000', relation: 'self', moveInDate: '2024-01-01' }],
      onBehalf: { name: '李阿姨', phone: '13912345678' },
    })),
    allowed: own(['volunteer', 'grid_worker', 'grid_leader']),
  },
  'resident.myPoints': { payload: ONLY_OWN(() => ({})), allowed: own(['volunteer']) },
  'resident.listPatrols': { payload: ONLY_OWN(() => ({})), allowed: own(['volunteer']) },
  // vol has a patrol open: a second start is a CONFLICT, not a write
  'resident.startPatrol': { payload: ONLY_OWN(() => ({ location: POINTS.same_grid })), allowed: own(['volunteer']) },
  // own: the caller's patrol (vol's); same_grid: another volunteer's (vol2's)
  'resident.checkInPatrol': { payload: (w, _c, r) => patrolAt(w, r), allowed: { volunteer: ['own'] } },
  'resident.endPatrol': { payload: (w, _c, r) => patrolAt(w, r), allowed: { volunteer: ['own'] } },
  // a task of each relation into a G1 case: whoever handles both gets through to the stale version's CONFLICT
  'worker.mergeReports': {
    payload: (w, _c, r) => ({ taskId: taskAt(w, r).taskId, version: 99, intoCaseNumber: w.acceptedByWorker.caseNumber, reason: '同一处垃圾堆放' }),
    // own: the caller's accepted G1 task is the target itself: a CONFLICT for whoever may handle it
    allowed: TASK_STAFF,
  },
}

function patrolAt(w: World, relation: Relation) {
  const id = relation === 'own' ? w.neighbours.patrols.vol : relation === 'same_grid' ? w.neighbours.patrols.vol2 : null
  return id && { patrolId: id, location: POINTS.same_grid }
}

export const NEIGHBOUR_CELLS: Record<string, Cell> = {
  // a follower reads the case they joined, and nothing more
  'getMyReport of a report vol follows': { fn: 'resident', action: 'getMyReport', payload: (w) => ({ reportId: w.neighbours.followedByVol.reportId }), allowed: ['volunteer'] },
  'rateReport of a report vol follows': { fn: 'resident', action: 'rateReport', payload: (w) => ({ reportId: w.neighbours.followedByVol.reportId, stars: 5, solved: true }), allowed: [] },
  'urgeReport of a report vol follows': { fn: 'resident', action: 'urgeReport', payload: (w) => ({ reportId: w.neighbours.followedByVol.reportId }), allowed: [] },
  'withdrawReport of a report vol follows': { fn: 'resident', action: 'withdrawReport', payload: (w) => ({ reportId: w.neighbours.followedByVol.reportId, reason: REFUSED_WORDS }), allowed: [] },
  // merging a G1 task into a G4 case (S2): only someone who handles both, the district
  'mergeReports of a G1 task into a G4 case': {
    fn: 'worker', action: 'mergeReports', payload: (w) => ({ taskId: w.subjects.same_grid.taskId, version: 99, intoCaseNumber: w.subjects.other_street.caseNumber, reason: '同一处垃圾堆放' }),
    allowed: ['district_admin'],
  },
}
