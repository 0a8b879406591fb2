// The categories residents choose from (DOMAIN.md, "Typical problem categories"): code, name
// and group only. The report page falls back to these when the catalogue does not load; the
// limits and departments per level live in catalogue.ts, which only the functions need.
export interface CategoryName { code: string; name: string; group: string }

export const DEFAULT_CATEGORY_NAMES: CategoryName[] = [
  { code: 'fire_escape_blocked', name: '消防通道堵塞', group: '消防安全' },
  { code: 'ebike_charging', name: '电动车楼道充电', group: '消防安全' },
  { code: 'aged_wiring', name: '电线老化', group: '消防安全' },
  { code: 'rooftop_locked', name: '天台门上锁', group: '消防安全' },
  { code: 'public_security', name: '治安隐患', group: '社会治安' },
  { code: 'garbage', name: '垃圾堆放', group: '环境卫生' },
  { code: 'illegal_ads', name: '乱张贴小广告', group: '环境卫生' },
  { code: 'street_occupation', name: '占道经营', group: '市容秩序' },
  { code: 'manhole_cover', name: '井盖缺失破损', group: '市政设施' },
  { code: 'street_light', name: '路灯损坏', group: '市政设施' },
  { code: 'water_pipe', name: '水管破裂', group: '市政设施' },
  { code: 'neighbour_dispute', name: '邻里纠纷', group: '矛盾纠纷' },
  { code: 'rental_dispute', name: '租赁纠纷', group: '矛盾纠纷' },
  { code: 'other', name: '其他问题', group: '其他' },
]
