// 长辈模式's numbers, from MIIT's 2021 《移动互联网应用（APP）适老化通用设计规范》, written once:
// client/src/elderMode.css writes the same values (its comment names this file, and
// tests/client/elderMode.test.tsx holds the two together) and the browser test measures the
// rendered pages against them. The standard counts type in points: 1 pt = 4/3 CSS px.
export const PX_PER_PT = 4 / 3

export const ELDER = {
  /** page text (主要文字信息) ≥ 18 pt */
  bodyPt: 18,
  /** main functions and main action buttons ≥ 30 pt */
  actionPt: 30,
  /** line spacing ≥ 1.3 times the type size */
  lineHeight: 1.3,
  /** every tappable element ≥ 60 × 60 px */
  tapPx: 60,
  /** text against its background ≥ 4.5 : 1 */
  contrast: 4.5,
} as const

/** 24 px: 18 pt of page text */
export const ELDER_BODY_PX = ELDER.bodyPt * PX_PER_PT
/** 40 px: 30 pt on a main action */
export const ELDER_ACTION_PX = ELDER.actionPt * PX_PER_PT

