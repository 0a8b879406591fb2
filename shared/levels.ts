// Four-colour escalation (四色联调). A level is always shown in words as well as colour.
export const LEVELS = ['grid', 'community', 'street', 'district'] as const
export type Level = (typeof LEVELS)[number]

export const LEVEL_INFO: Record<Level, { name: string; colour: string; colourName: string; owner: string }> = {
  grid: { name: '网格级', colour: '#1a7f37', colourName: '绿色', owner: '网格' },
  community: { name: '社区级', colour: '#b58100', colourName: '黄色', owner: '社区' },
  street: { name: '街道级', colour: '#1f5fbf', colourName: '蓝色', owner: '街道' },
  district: { name: '区级', colour: '#c62828', colourName: '红色', owner: '区' },
}

/** "绿色 · 网格级": the words a screen reader and a colour-blind person both get. */
export const levelLabel = (level: Level) => `${LEVEL_INFO[level].colourName} · ${LEVEL_INFO[level].name}`

export const levelRank = (level: Level) => LEVELS.indexOf(level)
/** The level above, or null at the top (district: past its deadline a task is supervised, 督办). */
export const nextLevel = (level: Level): Level | null => LEVELS[levelRank(level) + 1] ?? null
