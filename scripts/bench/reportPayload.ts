import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { offsetByMetres } from '../../shared/routing/geo'
import type { SubmitReportInput } from '../../shared/schemas/report'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'

// The i-th report of a bench run: categories, places and demo points in turn, with a few
// metres of GPS scatter, so the load routes every way a real street does except "outside".

// every demo point a report can come from, each routing differently; 'outside' is refused
const POINTS = Object.entries(DEMO_POINTS).filter(([k]) => k !== 'outside').map(([, v]) => v.point)
const PLACES = ['楼道', '单元门口', '地下车库入口', '小区东门', '消防通道', '公交站旁', '健身器材区', '垃圾分类点']

export function reportPayload(i: number, photoId: string): SubmitReportInput {
  const category = DEFAULT_CATALOGUE[i % DEFAULT_CATALOGUE.length]
  const place = PLACES[i % PLACES.length]
  return {
    category: category.code,
    description: `${(i % 30) + 1}号楼${place}发现${category.name}问题，已经好几天了，影响大家出行，麻烦尽快处理。`,
    photos: [photoId],
    location: { ...offsetByMetres(POINTS[i % POINTS.length], ((i * 7) % 11) - 5, ((i * 13) % 11) - 5), accuracyM: 10 + (i % 30) },
    address: `华富街道${(i % 30) + 1}号楼${place}`,
  }
}
