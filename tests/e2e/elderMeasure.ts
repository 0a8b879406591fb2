import type { Page } from 'playwright-core'
import { ELDER, ELDER_ACTION_PX, ELDER_BODY_PX } from '../../client/src/lib/elderNumbers'

/**
 * What the 长辈模式 test measures on a rendered page, inside its PageShell root, counting only
 * what is visible (checkVisibility: laid out, not visibility:hidden, not opacity 0):
 * - every text node: its element's computed font-size ≥ 24 px (18 pt), with no exceptions for
 *   captions, tags, counters or the community drawing's labels (SVG text counts at the size it
 *   is drawn, font-size × the drawing's scale); every input and textarea's font-size too;
 * - every text node outside SVG: line-height ≥ 1.3 × font-size ("normal" fails: it is the
 *   font's choice, not ours); textareas the same (a one-line input has no line spacing);
 * - main actions (MAIN_ACTIONS: the home page's three big buttons' first line and each page's
 *   large NutUI button) ≥ 40 px (30 pt);
 * - every tap target ≥ 60 × 60 px: a, button, input, textarea, select, any role=button/link/
 *   switch/checkbox/radio/tab, and any element with a click handler.
 */
export const MAIN_ACTIONS = '.home-action-words, .nut-button-large'

export interface ElderMeasures {
  texts: number
  smallestText: number
  actions: number
  smallestAction: number
  smallestLineRatio: number
  taps: number
  /** the smallest tap target, "w×h element" */
  smallestTap: string
  failures: string[]
}

export function measureElderPage(page: Page, rootId: string): Promise<ElderMeasures> {
  const limits = { rootId, body: ELDER_BODY_PX, action: ELDER_ACTION_PX, lineRatio: ELDER.lineHeight, tap: ELDER.tapPx, actions: MAIN_ACTIONS }
  return page.evaluate(({ rootId, body, action, lineRatio, tap, actions }) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    }
    const root = [...document.querySelectorAll(`#${rootId}`)].find(shown)
    if (!root) throw new Error(`#${rootId} is not on show`)
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? ''
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}>`
    }
    const failures: string[] = []
    let texts = 0
    let smallestText = Infinity
    let smallestLineRatio = Infinity
    const checkType = (el: Element, what: string, size: number, lineHeight: string | null) => {
      texts++
      smallestText = Math.min(smallestText, size)
      if (size < body - 0.01) failures.push(`${what} is ${size.toFixed(1)} px (< ${body}) in ${name(el)}`)
      if (lineHeight === null) return
      const ratio = lineHeight === 'normal' ? NaN : parseFloat(lineHeight) / size
      smallestLineRatio = Math.min(smallestLineRatio, Number.isNaN(ratio) ? 0 : ratio)
      if (!(ratio >= lineRatio - 0.001)) failures.push(`${what}: line-height ${lineHeight} is ${Number.isNaN(ratio) ? 'the font’s own' : `${ratio.toFixed(2)}×`} (< ${lineRatio}×) in ${name(el)}`)
    }

    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim()
      const el = node.parentElement
      if (!words || !el || !shown(el) || el.closest('style, script')) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue
      const cs = getComputedStyle(el)
      if (el instanceof SVGElement) {
        const scale = (el as unknown as SVGGraphicsElement).getScreenCTM?.()?.a ?? 1
        checkType(el, `drawing label "${words.slice(0, 20)}"`, parseFloat(cs.fontSize) * scale, null)
      } else {
        checkType(el, `"${words.slice(0, 20)}"`, parseFloat(cs.fontSize), cs.lineHeight)
      }
    }
    for (const field of root.querySelectorAll('input, textarea')) {
      if (!shown(field)) continue
      const cs = getComputedStyle(field)
      checkType(field, `${field.tagName.toLowerCase()} ${field.getAttribute('placeholder') ?? ''}`, parseFloat(cs.fontSize), field.tagName === 'TEXTAREA' ? cs.lineHeight : null)
    }

    let smallestAction = Infinity
    const mains = [...root.querySelectorAll(actions)].filter(shown)
    for (const el of mains) {
      const size = parseFloat(getComputedStyle(el).fontSize)
      smallestAction = Math.min(smallestAction, size)
      if (size < action - 0.01) failures.push(`main action "${el.textContent?.trim().slice(0, 20)}" is ${size.toFixed(1)} px (< ${action}) in ${name(el)}`)
    }

    // a handler is found where it is kept: React's props on plain elements (the drawing's <svg>),
    // and for Taro's components (<taro-view-core>…) the registry their wrapper writes, __events
    const clickable = (el: Element) => {
      const own = el as unknown as Record<string, unknown>
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps'))
      const props = key ? (own[key] as { onClick?: unknown }) : undefined
      const taro = own.__events as Record<string, unknown> | undefined
      return typeof props?.onClick === 'function' || typeof taro?.click === 'function' || typeof taro?.tap === 'function'
    }
    const TAP_TAGS = ['A', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT']
    const TAP_ROLES = ['button', 'link', 'switch', 'checkbox', 'radio', 'tab']
    let taps = 0
    let smallestTap = ''
    let smallestArea = Infinity
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!(TAP_TAGS.includes(el.tagName) || TAP_ROLES.includes(el.getAttribute('role') ?? '') || clickable(el)) || !shown(el)) continue
      taps++
      const r = el.getBoundingClientRect()
      if (r.width * r.height < smallestArea) {
        smallestArea = r.width * r.height
        smallestTap = `${r.width.toFixed(0)}×${r.height.toFixed(0)} ${name(el)}`
      }
      if (r.width < tap - 0.01 || r.height < tap - 0.01) failures.push(`tap target ${r.width.toFixed(1)}×${r.height.toFixed(1)} px (< ${tap}×${tap}) ${name(el)} "${el.textContent?.trim().slice(0, 20)}"`)
    }
    return { texts, smallestText, actions: mains.length, smallestAction, smallestLineRatio, taps, smallestTap, failures }
  }, limits)
}
