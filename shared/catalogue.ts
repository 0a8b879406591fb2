import * as z from 'zod'
import { DEFAULT_CATEGORY_NAMES } from './categories'
import { LEVELS, type Level } from './levels'

// The category catalogue is configurable per district (DOMAIN.md, "Typical problem
// categories"). Each category carries, for each of the four levels, how long its owner has to
// accept (签收) and to resolve (办结), in working hours ("4h") or working days ("2d"), and the
// department that handles it at that level (DESIGN.md "The case workflow").

/** "4h": four working hours; "2d": two working days (a working day is the calendar's day, 7.5 h by default). */
export const limitSchema = z.string().regex(/^[1-9]\d{0,2}[hd]$/, '时限应写作如 4h（工作小时）或 2d（工作日）')
export const levelRuleSchema = z.object({
  accept: limitSchema,
  resolve: limitSchema,
  department: z.string().min(1).max(40),
})
export type LevelRule = z.infer<typeof levelRuleSchema>

export const categorySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().min(1).max(20),
  group: z.string().min(1).max(20),
  levels: z.object({ grid: levelRuleSchema, community: levelRuleSchema, street: levelRuleSchema, district: levelRuleSchema }),
})
export type Category = z.infer<typeof categorySchema>
export const catalogueSchema = z.array(categorySchema).min(1)

/** Working minutes of a limit, given the working minutes of one working day. */
export function limitMinutes(limit: string, dayMinutes: number): number {
  const n = Number(limit.slice(0, -1))
  return limit.endsWith('h') ? n * 60 : n * dayMinutes
}

/** The limits of a category at a level, in working minutes, and its department there. */
export interface LevelLimits { acceptMinutes: number; resolveMinutes: number; department: string }
export function limitsAt(category: Category, level: Level, dayMinutes: number): LevelLimits {
  const rule = category.levels[level]
  return { acceptMinutes: limitMinutes(rule.accept, dayMinutes), resolveMinutes: limitMinutes(rule.resolve, dayMinutes), department: rule.department }
}

// Who handles each group at each level (grid, community, street, district).
const DEPARTMENTS: Record<string, [string, string, string, string]> = {
  消防安全: ['网格员', '社区微型消防站', '街道应急管理办公室', '区消防救援大队'],
  社会治安: ['网格员', '社区警务室', '派出所', '区公安分局'],
  环境卫生: ['网格员', '社区居委会', '街道城管执法队', '区城市管理局'],
  市容秩序: ['网格员', '社区居委会', '街道城管执法队', '区城市管理局'],
  市政设施: ['网格员', '社区居委会', '街道城建办', '区市政管养中心'],
  矛盾纠纷: ['网格员', '社区人民调解委员会', '街道司法所', '区司法局'],
  其他: ['网格员', '社区居委会', '街道综合执法队', '区网格化服务管理中心'],
}
// Accept and resolve limits per level, fire safety in hours (a blocked escape route cannot wait days).
type Limits4 = [string, string, string, string, string, string, string, string]
const LIMITS: Record<string, Limits4> = {
  //                    grid         community    street        district
  fire_escape_blocked: ['1h', '4h', '1h', '8h', '2h', '16h', '2h', '24h'],
  ebike_charging: ['1h', '4h', '1h', '8h', '2h', '16h', '2h', '24h'],
  aged_wiring: ['2h', '8h', '2h', '16h', '4h', '24h', '4h', '40h'],
  rooftop_locked: ['2h', '4h', '1h', '8h', '2h', '16h', '2h', '24h'],
  public_security: ['1h', '2d', '2h', '2d', '4h', '3d', '4h', '5d'],
  garbage: ['4h', '2d', '4h', '2d', '1d', '3d', '1d', '5d'],
  illegal_ads: ['4h', '3d', '4h', '3d', '1d', '5d', '1d', '5d'],
  street_occupation: ['4h', '2d', '4h', '2d', '1d', '3d', '1d', '5d'],
  manhole_cover: ['1h', '1d', '2h', '1d', '4h', '2d', '4h', '3d'],
  street_light: ['4h', '5d', '4h', '5d', '1d', '5d', '1d', '10d'],
  water_pipe: ['1h', '1d', '2h', '1d', '4h', '2d', '4h', '3d'],
  neighbour_dispute: ['4h', '5d', '4h', '5d', '1d', '10d', '1d', '15d'],
  rental_dispute: ['4h', '5d', '4h', '5d', '1d', '10d', '1d', '15d'],
  other: ['4h', '5d', '4h', '5d', '1d', '5d', '1d', '10d'],
}

export const DEFAULT_CATALOGUE: Category[] = DEFAULT_CATEGORY_NAMES.map((c) => {
  const l = LIMITS[c.code]
  const d = DEPARTMENTS[c.group]
  const levels = Object.fromEntries(LEVELS.map((level, i) => [level, { accept: l[i * 2], resolve: l[i * 2 + 1], department: d[i] }])) as Category['levels']
  return { ...c, levels }
})

export const findCategory = (catalogue: Category[], code: string) => catalogue.find((c) => c.code === code)
