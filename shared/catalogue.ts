import * as z from 'zod'

// The category catalogue is configurable per district (DOMAIN.md, "Typical problem
// categories"); each category carries its own deadlines and escalation department.
export const categorySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().min(1).max(20),
  group: z.string().min(1).max(20),
  /** working minutes allowed between assignment and acceptance (签收) */
  acceptMinutes: z.number().int().positive(),
  /** working minutes allowed between acceptance and a result */
  resolveMinutes: z.number().int().positive(),
  department: z.string().min(1).max(40),
})
export type Category = z.infer<typeof categorySchema>
export const catalogueSchema = z.array(categorySchema).min(1)

const H = 60
const DAY = 8 * H // one working day on the default calendar is 7.5 h; 8 h keeps a day's margin readable

export const DEFAULT_CATALOGUE: Category[] = [
  { code: 'fire_escape_blocked', name: '消防通道堵塞', group: '消防安全', acceptMinutes: 1 * H, resolveMinutes: 1 * DAY, department: '消防救援站' },
  { code: 'ebike_charging', name: '电动车楼道充电', group: '消防安全', acceptMinutes: 1 * H, resolveMinutes: 1 * DAY, department: '消防救援站' },
  { code: 'aged_wiring', name: '电线老化', group: '消防安全', acceptMinutes: 2 * H, resolveMinutes: 3 * DAY, department: '供电所' },
  { code: 'rooftop_locked', name: '天台门上锁', group: '消防安全', acceptMinutes: 2 * H, resolveMinutes: 1 * DAY, department: '消防救援站' },
  { code: 'public_security', name: '治安隐患', group: '社会治安', acceptMinutes: 1 * H, resolveMinutes: 2 * DAY, department: '派出所' },
  { code: 'garbage', name: '垃圾堆放', group: '环境卫生', acceptMinutes: 4 * H, resolveMinutes: 2 * DAY, department: '城管执法队' },
  { code: 'illegal_ads', name: '乱张贴小广告', group: '环境卫生', acceptMinutes: 4 * H, resolveMinutes: 3 * DAY, department: '城管执法队' },
  { code: 'street_occupation', name: '占道经营', group: '市容秩序', acceptMinutes: 4 * H, resolveMinutes: 2 * DAY, department: '城管执法队' },
  { code: 'manhole_cover', name: '井盖缺失破损', group: '市政设施', acceptMinutes: 1 * H, resolveMinutes: 1 * DAY, department: '市政管养单位' },
  { code: 'street_light', name: '路灯损坏', group: '市政设施', acceptMinutes: 4 * H, resolveMinutes: 5 * DAY, department: '市政管养单位' },
  { code: 'water_pipe', name: '水管破裂', group: '市政设施', acceptMinutes: 1 * H, resolveMinutes: 1 * DAY, department: '供水公司' },
  { code: 'neighbour_dispute', name: '邻里纠纷', group: '矛盾纠纷', acceptMinutes: 4 * H, resolveMinutes: 5 * DAY, department: '司法所' },
  { code: 'rental_dispute', name: '租赁纠纷', group: '矛盾纠纷', acceptMinutes: 4 * H, resolveMinutes: 5 * DAY, department: '司法所' },
  { code: 'other', name: '其他问题', group: '其他', acceptMinutes: 4 * H, resolveMinutes: 5 * DAY, department: '街道综合执法队' },
]

export const findCategory = (catalogue: Category[], code: string) => catalogue.find((c) => c.code === code)
