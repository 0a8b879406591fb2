// The few dozen demo reports: who reports what, and how far each case has come, so a
// newcomer finds every state of the loop on first start.
export type Progress = 'assigned' | 'accepted' | 'resolved' | 'closed' | 'reopened'

export interface DemoReport { category: string; description: string; address: string; progress: Progress }

const LINES: [string, string, string][] = [
  ['fire_escape_blocked', '3栋一楼消防通道堆满纸箱和旧家具，人过不去', '3栋一楼楼梯口'],
  ['ebike_charging', '有住户把电动车推进楼道充电，电线从窗户拉出来', '5栋2单元楼道'],
  ['aged_wiring', '楼道配电箱电线老化外露，下雨天有火花', '2栋楼道配电箱'],
  ['rooftop_locked', '天台门被人用铁链锁住，万一着火跑不出去', '8栋天台'],
  ['garbage', '小区东门垃圾桶满了两天没人清，味道很大', '东门垃圾投放点'],
  ['illegal_ads', '单元门口贴满了开锁、通下水道的小广告', '6栋单元门'],
  ['street_occupation', '水果摊把货摆到人行道上，老人推车过不去', '路口人行道'],
  ['manhole_cover', '路边井盖缺了一块，晚上看不见很危险', '小区北门外'],
  ['street_light', '小区中间那条路的路灯坏了一个星期', '中心路第三盏路灯'],
  ['water_pipe', '地下车库水管漏水，地面积水好几厘米', '地下车库B区'],
  ['neighbour_dispute', '楼上每天夜里十二点以后还在装修敲墙', '9栋1203'],
  ['rental_dispute', '房东不退押金，租客多次协商无果', '4栋出租屋'],
  ['public_security', '晚上有陌生人在车棚附近徘徊，好像在撬锁', '非机动车车棚'],
  ['other', '健身器材螺丝松了，老人用的时候晃得厉害', '小区健身广场'],
  ['garbage', '装修垃圾堆在绿化带里很久了', '7栋旁绿化带'],
]

// 13 entries against 12 grids: each grid's reports land in different states, so every
// worker's inbox has a mix rather than one grid all closed and another all waiting.
const PROGRESS: Progress[] = ['closed', 'closed', 'resolved', 'reopened', 'accepted', 'accepted', 'assigned', 'assigned', 'closed', 'resolved', 'assigned', 'accepted', 'assigned']

export function demoReports(count: number): DemoReport[] {
  return Array.from({ length: count }, (_, i) => {
    const [category, description, address] = LINES[i % LINES.length]
    return { category, description, address, progress: PROGRESS[i % PROGRESS.length] }
  })
}
