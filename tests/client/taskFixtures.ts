import type { ConsolePage, TaskDetail, TaskMoves, TaskSummary } from '../../shared/api'

// Tasks as the functions answer them, for the page tests: every field filled, nothing offered
// unless a test says so.

export const NOW = Date.UTC(2026, 10, 23, 2, 0)
export const HOUR = 3600_000

export const NO_MOVES: TaskMoves = {
  accept: false, resolve: false, escalate: false, transferTo: [], refuseTransfer: false, return: false,
  requestExtension: false, decideExtension: false, supervise: false, assign: false, merge: false,
}

export const taskSummary = (over: Partial<TaskSummary> = {}): TaskSummary => ({
  taskId: 'task-1', reportId: 'rep-1', caseNumber: '2026112300007', dueNote: null, category: 'garbage', categoryName: '垃圾堆放',
  description: '小区东门垃圾三天没人清运', thumbnail: null, status: 'assigned', level: 'grid', gridId: 'g1', gridName: '幸福里第一网格', address: '东门',
  dueAt: NOW + HOUR, overdue: false, dueSoon: false, nearBorder: false, reopenCount: 0, returnCount: 0, holder: '幸福里第一网格',
  queue: { scope: 'grid', id: 'g1' }, supervision: null, extension: null, transfer: null, version: 1, createdAt: NOW - HOUR, ...over,
})

export const taskDetail = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  ...taskSummary(),
  photos: [], location: { lng: 114.057, lat: 22.543 },
  routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' },
  acceptDueAt: NOW + HOUR, resolveDueAt: null, result: null, rating: null, timeline: [], reporter: { name: '王阿姨', phoneMasked: '138****0000' },
  canAccept: false, canResolve: false, moves: NO_MOVES, department: '社区环卫站', followerCount: 0, onBehalf: null, mergedInto: null, ...over,
})

export const consoleGrids: ConsolePage['grids'] = [
  { gridId: 'g1', gridName: '幸福里第一网格', communityId: 'c1', staff: [{ id: 'u_w1', name: '王建国', role: '网格员', onLeave: false }, { id: 'u_l1', name: '李秀英', role: '网格长', onLeave: true }] },
  { gridId: 'g2', gridName: '幸福里第二网格', communityId: 'c1', staff: [{ id: 'u_w2', name: '陈平', role: '网格员', onLeave: false }] },
  { gridId: 'g3', gridName: '江南第一网格', communityId: 'c2', staff: [] },
]
