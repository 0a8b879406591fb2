import type { ReportDetail, ReportSummary } from '../../shared/api'
import type { Routing } from '../../shared/model'
import { NOW } from './taskFixtures'

// A resident's reports as the functions answer them, for the page tests: nothing offered
// (rate, withdraw, add information, urge) unless a test says so.

export const routing: Routing = { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' }

export const reportSummary = (over: Partial<ReportSummary> = {}): ReportSummary => ({
  reportId: 'rep-1', caseNumber: '2026112300007', category: 'garbage', categoryName: '垃圾堆放', description: '小区东门垃圾三天没人清运', thumbnail: null,
  status: 'escalated', level: 'community', gridName: '幸福里第一网格', createdAt: NOW, updatedAt: NOW, canRate: false, dueNote: null,
  expectedBy: '预计11月25日17:00前处理', stage: '已上报社区处理', followerCount: 0, relation: 'reporter', ...over,
})

export const reportDetail = (over: Partial<ReportDetail> = {}): ReportDetail => ({
  ...reportSummary(), photos: [], location: { lng: 114.057, lat: 22.543 }, routing, result: null, rating: null, timeline: [], handler: null,
  canWithdraw: false, canAddInfo: false, canUrge: false, urgeAfter: null, mergedInto: null, onBehalf: null, ...over,
})
