// Text as a person sees it. A description made of zero-width or bidi characters looks
// empty but counted as five characters; a preview cut in the middle of an emoji shows a
// broken glyph. Lengths are counted, and previews cut, on what is visible.

// Direction overrides and isolates (they can reorder what a reader sees), and control
// characters other than line breaks and tabs: removed from stored text.
const STRIPPED = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|(?![\n\t])\p{Cc}/gu
// Not counted as visible: format characters (zero-width space, joiners, BOM, soft hyphen,
// what STRIPPED leaves), whitespace of every script, and combining marks on their own.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\s\u034F\u115F\u1160\u3164\uFFA0]/gu

/** The text without the characters that only hide or reorder what is shown. */
export const cleanText = (s: string) => s.replace(STRIPPED, '').trim()

// What joins onto the character before it: combining marks, variation selectors, skin
// tones, tag characters, and whatever follows a zero-width joiner. Intl.Segmenter would
// do this, but this module also runs in the WeChat client, whose engines may lack it.
const EXTENDS = /[\p{M}\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u200D]/u
const REGIONAL = /[\u{1F1E6}-\u{1F1FF}]/u

// Text with nothing that joins (most Chinese text) is one character per code point.
const JOINS = /[\p{M}\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u200D\u{1F1E6}-\u{1F1FF}]/u

/** The characters a reader sees, each with what is drawn with it (a flag or a family emoji is one). */
export function graphemes(s: string): string[] {
  if (!JOINS.test(s)) return Array.from(s)
  const out: string[] = []
  let joinNext = false
  // the cluster being built is one regional indicator so far: the next one makes a flag
  let loneRegional = false
  for (const cp of Array.from(s)) {
    const regional = REGIONAL.test(cp)
    if (out.length > 0 && (joinNext || EXTENDS.test(cp) || (regional && loneRegional))) {
      out[out.length - 1] += cp
      loneRegional = false
    } else {
      out.push(cp)
      loneRegional = regional
    }
    joinNext = cp === '\u200D'
  }
  return out
}

/** How many characters a reader sees. */
export function visibleLength(s: string): number {
  return graphemes(s).filter((g) => g.replace(INVISIBLE, '') !== '').length
}

/** The first `max` characters as a reader sees them, never half a character, with … when cut. */
export function preview(s: string, max: number): string {
  const parts = graphemes(s.replace(/\s+/g, ' ').trim())
  return parts.length <= max ? parts.join('') : `${parts.slice(0, max - 1).join('')}…`
}
